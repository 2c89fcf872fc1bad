package nl.wijkhub.multiteam;

/**
 * Where a record the matcher skipped is, and why: nothing of the record itself, which holds pseudonyms and sealed
 * personal data. An operator finds the record by topic, partition and offset.
 *
 * @param reason one of {@link Reason}
 */
public record DeadLetter(String topic, int partition, long offset, Reason reason) {

  /** Why the matcher skipped a record; the codes are what operators see in the topic, the log and the metric. */
  public enum Reason {
    /** The bytes are no routed signal (wrong format, or a schema the registry does not know). */
    ONLEESBAAR,
    /** A sealed part does not open: another hub's keys, a crypto-shredded period, or altered bytes. */
    SLEUTEL_ONBESCHIKBAAR,
    /** A routed signal that breaks its schema's contract, e.g. without a pseudonym or with a malformed period. */
    ONGELDIG
  }

  /** The dead-letter topic's key, which also makes a repeated dead letter of one record recognisable. */
  public String key() {
    return topic + '-' + partition + '@' + offset;
  }

  /** Takes the dead letters of the matcher. Throws when it cannot: the matcher then stops rather than lose one. */
  @FunctionalInterface
  public interface Sink {
    void accept(DeadLetter letter);
  }
}
