package nl.wijkhub.covenant;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.events.SignalType;

/** The validated covenants and register, with the look-ups the signal path and the MultiTeam need. */
public final class Covenants {

  private final Map<String, List<CovenantVersion>> versionsById;
  private final Map<String, ProcessingActivity> register;

  Covenants(Map<String, List<CovenantVersion>> versionsById, Map<String, ProcessingActivity> register) {
    this.versionsById = Map.copyOf(versionsById);
    this.register = Map.copyOf(register);
  }

  /**
   * The covenant version that governs a signal of this type from this supplier dated {@code date}, or empty when
   * no valid version lets the supplier deliver that type then: such a signal is routed to no one. Start-up refuses
   * configurations where two versions would both match, so there is at most one.
   */
  public Optional<CovenantVersion> governing(String supplier, SignalType type, LocalDate date) {
    return versionsById.values().stream().flatMap(List::stream)
        .filter(v -> v.isValidOn(date) && v.allows(supplier, type))
        .findFirst();
  }

  public List<CovenantVersion> versions(String covenantId) {
    return versionsById.getOrDefault(covenantId, List.of());
  }

  public Collection<String> ids() {
    return versionsById.keySet();
  }

  public Optional<ProcessingActivity> activity(String id) {
    return Optional.ofNullable(register.get(id));
  }
}
