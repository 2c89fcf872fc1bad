package nl.wijkhub.signals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalRegistration;
import nl.wijkhub.events.SignalStatus;

/**
 * One delivery's check that a correction or withdrawal refers to a signal its supplier delivered and did not withdraw:
 * a mistyped id could otherwise change or withdraw another organisation's signal. Looks first at what this delivery
 * routed (not committed yet), then at the {@link SignalRegister}. The problems name the column, never the id.
 */
final class SignalOwnership {

  private final SignalRegister register;
  private final Map<String, SignalRegistration> thisDelivery = new HashMap<>();
  private final Set<String> checked = new HashSet<>();
  private final Map<String, String> covenants = new HashMap<>();

  SignalOwnership(SignalRegister register) {
    this.register = register;
  }

  /** Empty when the row may go on; a new signal always may. */
  Optional<Problem> check(ValidatedSignal validated, long line) {
    if (validated.action() == RoutedSignalKind.NIEUW) {
      return Optional.empty();
    }
    String signalId = validated.signal().getSignalId();
    checked.add(signalId);
    Optional<SignalRegistration> known = Optional.ofNullable(thisDelivery.get(signalId))
        .or(() -> register.lookup(signalId));
    if (known.isEmpty()) {
      return problem(line, "SIGNAAL_ONBEKEND", "Er is geen signaal met dit kenmerk bekend. Gebruik het kenmerk"
          + " zoals het op het ontvangstbewijs van het eerdere signaal staat.");
    }
    if (!known.get().getSupplier().equals(validated.signal().getSupplier())) {
      return problem(line, "SIGNAAL_NIET_VAN_U", "Dit signaal is niet door uw organisatie gegeven. Alleen de"
          + " organisatie die een signaal gaf, kan het corrigeren of intrekken. Controleer het kenmerk.");
    }
    if (known.get().getStatus() == SignalStatus.INGETROKKEN) {
      return problem(line, "SIGNAAL_AL_INGETROKKEN", "Dit signaal is al ingetrokken en kan niet meer worden"
          + " gecorrigeerd of ingetrokken. Geef zo nodig een nieuw signaal.");
    }
    covenants.put(signalId, known.get().getCovenantId());
    return Optional.empty();
  }

  /** The covenant a signal that passed {@link #check} was shared under; null for a new signal. */
  String covenantOf(ValidatedSignal validated) {
    return validated.action() == RoutedSignalKind.NIEUW ? null : covenants.get(validated.signal().getSignalId());
  }

  /** The signals a correction or withdrawal of this delivery referred to: whatever the outcome, it read them. */
  Set<String> checked() {
    return Set.copyOf(checked);
  }

  /** A signal this delivery routed: a later row of the same delivery sees it. */
  void routed(SignalRegistration registration) {
    thisDelivery.put(registration.getSignalId(), registration);
  }

  private static Optional<Problem> problem(long line, String code, String message) {
    return Optional.of(new Problem(line, SignalColumns.SIGNAAL.header(), code, message, null));
  }
}
