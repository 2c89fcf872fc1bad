package nl.wijkhub.publish;

import java.time.Duration;

/**
 * A topic and the Avro type of its values; the only place topic names are spelled.
 *
 * @param retention how long records are kept, for {@link Lifetime#RETAINED} only
 */
public record Topic<V>(String name, Class<V> valueType, int partitions, Lifetime lifetime, Duration retention) {

  public Topic(String name, Class<V> valueType, int partitions, Lifetime lifetime) {
    this(name, valueType, partitions, lifetime, null);
  }

  /** How long a topic's records are kept. */
  public enum Lifetime {
    /** Never deleted by time ({@code retention.ms=-1}): a store or a log is rebuilt from it. */
    FOREVER,
    /**
     * {@code wijkhub.kafka.excerpt-retention}: the topic quotes what partners wrote, which may be a name typed in the
     * wrong column, so it must not be kept forever.
     */
    EXCERPTS,
    /** Compacted: the latest record of every key is kept as long as the topic exists. */
    COMPACTED,
    /** Deleted after the topic's own {@link Topic#retention()} (a covenant's retention period). */
    RETAINED,
    /** Compacted (the latest record per key) and deleted after the topic's own {@link Topic#retention()}. */
    RETAINED_COMPACTED
  }
}
