package nl.wijkhub.monitoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the dead letters that wait another go at the store, after an operator fixed the cause. It reads the
 * dead-letter topic from the replay's committed offset to the end it had when called; a letter the store takes now
 * is stored, one it still refuses is sent to the dead letters again with today's reason (after the end this replay
 * reads, so it waits for the next replay); then the offset is committed. Nothing is lost either way.
 */
final class DeadLetterReplay {

  /** What a replay did. */
  record Outcome(long replayed, long stored, long deadAgain) {}

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> consumerProperties;
  private final StoreWriter writer;
  private final DeadLetters deadLetters;

  DeadLetterReplay(KafkaSettings kafka, MonitoringSettings settings, StoreWriter writer, DeadLetters deadLetters) {
    this.consumerProperties = new HashMap<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, settings.deadLetterReplayGroupId(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    this.writer = writer;
    this.deadLetters = deadLetters;
  }

  synchronized Outcome replay() {
    long replayed = 0;
    long stored = 0;
    long[] deadAgain = {0};
    try (Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATOR_DEAD_LETTERS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> letter : consumer.poll(POLL)) {
          if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
            continue;
          }
          replayed++;
          stored += writer.write(List.of(original(letter)), (record, reason) -> {
            deadLetters.send(record, reason);
            deadAgain[0]++;
          });
        }
      }
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
      consumer.commitSync(done);
    }
    LOG.info("Replayed {} dead letters: {} stored, {} refused again", replayed, stored, deadAgain[0]);
    return new Outcome(replayed, stored, deadAgain[0]);
  }

  /** The record as it was on the indicators topic, so that a letter refused again names its first position. */
  private static SourceRecord original(ConsumerRecord<String, byte[]> letter) {
    return new SourceRecord(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_TOPIC),
        Integer.parseInt(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_PARTITION)),
        Long.parseLong(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_OFFSET)), letter.key(),
        letter.value());
  }
}
