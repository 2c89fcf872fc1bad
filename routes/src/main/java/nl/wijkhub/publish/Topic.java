package nl.wijkhub.publish;

/**
 * A topic and the Avro type of its values; the only place topic names are spelled. A compacted topic keeps the
 * latest record per key (the current state of that key) until its retention ends.
 */
public record Topic<V>(String name, Class<V> valueType, int partitions, boolean keepForever, boolean compacted) {

  public Topic(String name, Class<V> valueType, int partitions, boolean keepForever) {
    this(name, valueType, partitions, keepForever, false);
  }
}
