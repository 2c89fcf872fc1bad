package nl.wijkhub.multiteam;

import java.util.Map;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.publish.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The value serdes of the topics the matcher shares with the rest of the hub: in the hub, the serializer and
 * deserializer named in {@code wijkhub.kafka} (the registry's wire format), so that the inbox and the processing
 * log read matches like any other event.
 */
public record MatchSerdes(Serde<RoutedSignal> routedSignals, Serde<Match> matches,
    Serde<ProcessingRecord> processingLog) {

  /** Without a registry: for the topology test driver. */
  public static MatchSerdes plain() {
    return new MatchSerdes(new AvroBinarySerde<>(RoutedSignal.class), new AvroBinarySerde<>(Match.class),
        new AvroBinarySerde<>(ProcessingRecord.class));
  }

  static MatchSerdes configured(KafkaSettings kafka) {
    return new MatchSerdes(registrySerde(kafka), registrySerde(kafka), registrySerde(kafka));
  }

  /** A value serde with the registry's wire format, as named in {@code wijkhub.kafka}; also for the signal counts. */
  @SuppressWarnings("unchecked")
  public static <T> Serde<T> registrySerde(KafkaSettings kafka) {
    Map<String, Object> producer = kafka.producerProperties();
    Map<String, Object> consumer = kafka.consumerProperties();
    Serializer<T> serializer = instance(producer, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, Serializer.class);
    serializer.configure(producer, false);
    Deserializer<T> deserializer = instance(consumer, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        Deserializer.class);
    deserializer.configure(consumer, false);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static <T> T instance(Map<String, Object> properties, String key, Class<T> type) {
    String className = String.valueOf(properties.get(key));
    try {
      return Utils.newInstance(className, type);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("wijkhub.kafka: " + key + " names " + className + ", which is not on the"
          + " class path; name a " + type.getSimpleName() + " that is", e);
    }
  }
}
