package nl.wijkhub.signalcounts;

import java.util.List;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.events.RoutedSignal;

/**
 * A covenant topic holds one copy of each signal per recipient. One copy counts: the one for the first recipient of
 * the signal's covenant version that may see the wijk (else its first recipient), so that a signal counts once and
 * with its wijk wherever any recipient has it.
 */
@FunctionalInterface
interface CountingCopy {

  boolean counts(RoutedSignal signal);

  static CountingCopy of(Covenants covenants) {
    return signal -> covenants.versions(signal.getCovenantId()).stream()
        .filter(v -> v.version() == signal.getCovenantVersion()).findFirst()
        .map(v -> countingRecipient(v.recipients()).equals(signal.getRecipient()))
        .orElseThrow(() -> new IllegalStateException("A routed signal names covenant " + signal.getCovenantId()
            + " version " + signal.getCovenantVersion() + ", which config/covenants does not hold; a signed"
            + " version must never be removed"));
  }

  private static String countingRecipient(List<CovenantVersion.Recipient> recipients) {
    return recipients.stream().filter(r -> r.permits("wijk")).findFirst().orElse(recipients.get(0)).partner();
  }
}
