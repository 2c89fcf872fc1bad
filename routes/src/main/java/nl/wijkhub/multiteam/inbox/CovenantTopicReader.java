package nl.wijkhub.multiteam.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a covenant's routed signals and matches as they are committed, from the start of each topic to its end at
 * the moment of reading: the topics are the inbox's only source, so that what the covenant's retention deletes is
 * gone from the inbox too. No consumer group: nothing is committed and no member's reading disturbs another's.
 * A record that is no routed signal or match is skipped with its position in the log.
 */
@Component
class CovenantTopicReader {

  private static final Logger LOG = LoggerFactory.getLogger(CovenantTopicReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final KafkaSettings kafka;
  private final CovenantTopics topics;

  CovenantTopicReader(KafkaSettings kafka, CovenantTopics topics) {
    this.kafka = kafka;
    this.topics = topics;
  }

  /** Every committed record of the covenant's routed-signals topic, in the order of each partition. */
  List<RoutedSignal> signals(String covenantId) {
    return read(topics.signals(covenantId).name(), RoutedSignal.class);
  }

  /** Every committed revision on the covenant's match topic, in the order of each partition. */
  List<Match> matches(String covenantId) {
    return read(topics.matches(covenantId).name(), Match.class);
  }

  private <V> List<V> read(String topic, Class<V> type) {
    Map<String, Object> props = kafka.consumerProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Reading must never make a topic (with the broker's defaults instead of the covenant's retention).
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    Deserializer<Object> values = valueDeserializer(props);
    List<V> read = new ArrayList<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Reading " + topic + " took longer than " + PATIENCE);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          decode(values, record, type, read);
        }
      }
    } finally {
      values.close();
    }
    return read;
  }

  private static <V> void decode(Deserializer<Object> values, ConsumerRecord<String, byte[]> record, Class<V> type,
      List<V> into) {
    try {
      Object value = values.deserialize(record.topic(), record.headers(), record.value());
      if (type.isInstance(value)) {
        into.add(type.cast(value));
        return;
      }
    } catch (RuntimeException e) {
      // Messages of deserializers may quote the bytes; the position is enough to find the record.
    }
    LOG.warn("The inbox skips {}-{}@{}: it is no {}", record.topic(), record.partition(), record.offset(),
        type.getSimpleName());
  }

  @SuppressWarnings("unchecked")
  private static Deserializer<Object> valueDeserializer(Map<String, Object> props) {
    String className = String.valueOf(props.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
    try {
      Deserializer<Object> deserializer = Utils.newInstance(className, Deserializer.class);
      deserializer.configure(props, false);
      return deserializer;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("wijkhub.kafka: value.deserializer names " + className + ", which is not on"
          + " the class path", e);
    }
  }
}
