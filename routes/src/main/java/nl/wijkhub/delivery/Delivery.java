package nl.wijkhub.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery as a channel hands it over: who sent it, how, under what name, and its bytes spooled to a file so
 * that it can be streamed (and read twice, should the character set have to be guessed again).
 *
 * @param submissionId unique id, also on the receipt and every event of this delivery
 * @param sha256 hash of the bytes, the identity for duplicate detection
 * @param dryRun validate and receipt only, publish nothing (partners testing an export)
 * @param idempotencyKey the sender's key for a retry-safe request, or null
 * @param kind what the delivery holds, which decides its columns, validation and events
 */
public record Delivery(
    String submissionId,
    String partnerId,
    String channel,
    String sourceName,
    Path content,
    String sha256,
    long sizeBytes,
    Instant receivedAt,
    boolean dryRun,
    String idempotencyKey,
    Kind kind) {

  /** A delivery of counts, as every channel takes by default. */
  public static Delivery of(String partnerId, String channel, String sourceName, Path content, String sha256,
      long sizeBytes, Instant receivedAt) {
    return new Delivery(UUID.randomUUID().toString(), partnerId, channel, sourceName, content, sha256, sizeBytes,
        receivedAt, false, null, Kind.COUNTS);
  }

  public Delivery asDryRun() {
    return new Delivery(submissionId, partnerId, channel, sourceName, content, sha256, sizeBytes, receivedAt, true,
        idempotencyKey, kind);
  }

  public Delivery withIdempotencyKey(String key) {
    return new Delivery(submissionId, partnerId, channel, sourceName, content, sha256, sizeBytes, receivedAt, dryRun,
        key, kind);
  }

  /**
   * This delivery as one of {@code other}. A signal delivery loses its file name: a partner may name a file after
   * the person it is about, and the name would reach the receipt, the ledger and the rejections. It is labelled
   * {@code signalen-<first 12 hex digits of its SHA-256>} with the format's extension instead: neutral, the same for
   * the same bytes (so a delivery committed before a stop is recognised), and one the partner can compute.
   */
  public Delivery as(Kind other) {
    String name = other == Kind.SIGNALS ? signalsLabel() : sourceName;
    return new Delivery(submissionId, partnerId, channel, name, content, sha256, sizeBytes, receivedAt, dryRun,
        idempotencyKey, other);
  }

  private String signalsLabel() {
    String id = sha256.isEmpty() ? submissionId : sha256.substring(0, Math.min(12, sha256.length()));
    return "signalen-" + id + format().map(f -> "." + f.name().toLowerCase(Locale.ROOT)).orElse("");
  }

  /** What a delivery holds; each has one {@link DeliveryKind}. */
  public enum Kind {
    /** Output figures per indicator, wijk and period: aggregate, not personal. */
    COUNTS,
    /** Concerns about one resident or address, under a privacy covenant: personal data. */
    SIGNALS
  }

  /** The format the file name announces, or empty when it is none the hub reads. */
  public Optional<DeliveryFormat> format() {
    return DeliveryFormat.ofFileName(sourceName);
  }

  /** File formats a delivery may have; the extension decides, as partners' tools write it. */
  public enum DeliveryFormat {
    CSV, JSON, XLSX;

    public static Optional<DeliveryFormat> ofFileName(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
        return Optional.of(CSV);
      }
      if (lower.endsWith(".xlsx")) {
        return Optional.of(XLSX);
      }
      return lower.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
    }
  }
}
