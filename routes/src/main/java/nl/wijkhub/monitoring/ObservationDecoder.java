package nl.wijkhub.monitoring;

import java.util.HashMap;
import java.util.Map;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Turns a record's value bytes into an observation with the deserializer the hub is configured with. The store
 * reads raw bytes and decodes here, so a record that cannot be decoded is one failed record that goes to the dead
 * letters with its bytes intact, not a poll that fails forever.
 */
final class ObservationDecoder implements AutoCloseable {

  private final Deserializer<Object> deserializer;

  @SuppressWarnings("unchecked")
  ObservationDecoder(KafkaSettings kafka) {
    Map<String, Object> consumer = new HashMap<>(kafka.consumerProperties());
    Object type = consumer.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    try {
      this.deserializer = type instanceof Class<?> c ? Utils.newInstance((Class<Deserializer<Object>>) c)
          : Utils.newInstance(String.valueOf(type), Deserializer.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("wijkhub.kafka.consumer.value.deserializer: class " + type + " not found", e);
    }
    deserializer.configure(consumer, false);
  }

  IndicatorObservation decode(SourceRecord record) {
    return (IndicatorObservation) deserializer.deserialize(record.topic(), record.value());
  }

  @Override
  public void close() {
    deserializer.close();
  }
}
