package nl.wijkhub.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic as a read_committed consumer would, to check what the hub made visible. */
public final class TopicReader {

  private TopicReader() {}

  /** Committed records of the topic whose value matches, decoded with the hub's Avro deserializer. */
  public static <V> List<ConsumerRecord<String, V>> committed(String topic, Class<V> type, Predicate<V> filter) {
    Map<String, Object> props = Map.of(
        "apicurio.registry.url", TestInfrastructure.stack().registry().nativeApiUrl(),
        "apicurio.registry.headers.enabled", "false",
        "apicurio.registry.as-confluent", "true",
        "apicurio.registry.use-id", "contentId",
        "apicurio.registry.use-specific-avro-reader", "true");
    Deserializer<Object> avro = new io.apicurio.registry.serde.avro.AvroKafkaDeserializer<>();
    avro.configure(props, false);
    List<ConsumerRecord<String, V>> matching = new ArrayList<>();
    for (ConsumerRecord<String, Object> record : read(topic, avro, "read_committed")) {
      V value = type.cast(record.value());
      if (filter.test(value)) {
        matching.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), value));
      }
    }
    return matching;
  }

  /** The raw value bytes of every record, committed or not, as a client that knows nothing of Avro sees them. */
  public static List<ConsumerRecord<String, byte[]>> raw(String topic, String isolationLevel) {
    return read(topic, new ByteArrayDeserializer(), isolationLevel);
  }

  /** The end of each partition as a read_uncommitted client sees it: records still in open transactions too. */
  public static Map<TopicPartition, Long> endOffsets(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer(), "read_uncommitted")) {
      return consumer.endOffsets(partitions(consumer, topic));
    }
  }

  /** How many committed records the topic gained after the given offsets. */
  public static long committedSince(String topic, Map<TopicPartition, Long> from) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer(), "read_committed")) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long count = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
      return count;
    }
  }

  private static <V> KafkaConsumer<String, V> consumer(Deserializer<V> values, String isolation) {
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.stack().broker().bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    return new KafkaConsumer<>(props, new StringDeserializer(), values);
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private static <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values, String isolation) {
    try (KafkaConsumer<String, V> consumer = consumer(values, isolation)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, V>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
