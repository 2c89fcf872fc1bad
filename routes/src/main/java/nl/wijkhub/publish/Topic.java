package nl.wijkhub.publish;

/** A topic and the Avro type of its values; the only place topic names are spelled. */
public record Topic<V>(String name, Class<V> valueType, int partitions, boolean keepForever) {}
