package nl.wijkhub.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the monitoring store from {@code wijkhub.indicators.v1}, which is kept forever for this. The store's
 * consumer is stopped first, so nothing writes beside the rebuild and the end offsets read afterwards cover
 * everything the consumer had stored; then, in one database transaction, the store is emptied and the topic is
 * replayed from the beginning to those offsets. Readers see the old figures until the commit and the new ones after
 * it: no gap. Deliveries go on meanwhile (they only need Kafka); the consumer resumes from its own offsets after the
 * commit and catches up, storing again what the rebuild already has, which changes nothing. A record the store
 * refuses is skipped and counted: it is still on the topic, and its dead letter from the first time still waits.
 */
final class StoreRebuild {

  /** What a rebuild did. */
  record Outcome(long records, long stored, long refused, long millis) {}

  private static final Logger LOG = LoggerFactory.getLogger(StoreRebuild.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> consumerProperties;
  private final MonitoringSettings settings;
  private final StoreWriter writer;
  private final CamelContext camel;

  StoreRebuild(KafkaSettings kafka, MonitoringSettings settings, StoreWriter writer, CamelContext camel) {
    this.consumerProperties = new HashMap<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize()));
    this.settings = settings;
    this.writer = writer;
    this.camel = camel;
  }

  synchronized Outcome rebuild() throws Exception {
    long started = System.nanoTime();
    boolean consuming = camel.getRouteController().getRouteStatus(MonitoringStoreRoute.ROUTE_ID)
        == ServiceStatus.Started;
    if (consuming) {
      camel.getRouteController().stopRoute(MonitoringStoreRoute.ROUTE_ID);
    }
    long[] counts = new long[3];
    try {
      writer.replaceAll(() -> replayTopic(counts));
    } finally {
      if (consuming) {
        camel.getRouteController().startRoute(MonitoringStoreRoute.ROUTE_ID);
      }
    }
    Outcome outcome = new Outcome(counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
    LOG.info("Rebuilt the monitoring store from {}: {} records, {} stored, {} refused, {} ms",
        Topics.INDICATORS.name(), outcome.records(), outcome.stored(), outcome.refused(), outcome.millis());
    return outcome;
  }

  private void replayTopic(long[] counts) {
    try (Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        List<SourceRecord> batch = new ArrayList<>(settings.batchSize());
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            batch.add(new SourceRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
          }
        }
        counts[0] += batch.size();
        counts[1] += writer.write(batch, (record, reason) -> {
          counts[2]++;
          LOG.warn("Rebuild: the store refused {} ({}); skipped", record.position(), reason);
        });
      }
    }
  }
}
