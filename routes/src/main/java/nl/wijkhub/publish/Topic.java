package nl.wijkhub.publish;

/** A topic and the Avro type of its values; the only place topic names are spelled. */
public record Topic<V>(String name, Class<V> valueType, int partitions, Lifetime lifetime) {

  /** How long a topic's records are kept. */
  public enum Lifetime {
    /** The broker's own retention. */
    BROKER_DEFAULT,
    /**
     * {@code wijkhub.kafka.excerpt-retention}: the topic quotes what partners wrote, which may be a name typed in the
     * wrong column, so it must not be kept forever.
     */
    EXCERPTS,
    /** Compacted: the latest record of every key is kept as long as the topic exists. */
    COMPACTED
  }
}
