package nl.wijkhub.privacy;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * What one ciphertext belongs to: covenant, data-key period, recipient, signal and part (identity or content).
 * Bound to the ciphertext as associated data, so a ciphertext moved to another signal, recipient or part fails to
 * decrypt instead of showing the wrong person.
 */
public record Envelope(String covenantId, YearMonth period, String recipient, String signalId, String part) {

  byte[] associatedData() {
    return String.join("|", "wijkhub-v1", covenantId, period.toString(), recipient, signalId, part)
        .getBytes(StandardCharsets.UTF_8);
  }

  String dataKeyName() {
    return DataKeys.name(covenantId, period);
  }
}
