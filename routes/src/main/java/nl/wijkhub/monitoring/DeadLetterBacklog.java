package nl.wijkhub.monitoring;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many dead letters wait for a replay: the records on the dead-letter topic after the replay's committed offset
 * (from the start of the topic while nothing was replayed yet).
 */
final class DeadLetterBacklog implements AutoCloseable {

  private static final int TIMEOUT_MS = 3000;

  private final Admin admin;
  private final String replayGroup;

  DeadLetterBacklog(KafkaSettings kafka, MonitoringSettings settings) {
    this.admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
    this.replayGroup = settings.deadLetterReplayGroupId();
  }

  long waiting() throws ExecutionException, InterruptedException, TimeoutException {
    String topic = Topics.INDICATOR_DEAD_LETTERS.name();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < Topics.INDICATOR_DEAD_LETTERS.partitions(); p++) {
      earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResultInfo> start = admin.listOffsets(earliest).all()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(replayGroup)
        .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    long waiting = 0;
    for (var partition : end.entrySet()) {
      OffsetAndMetadata done = replayed.get(partition.getKey());
      long from = done == null ? start.get(partition.getKey()).offset() : done.offset();
      waiting += Math.max(0, partition.getValue().offset() - from);
    }
    return waiting;
  }

  @Override
  public void close() {
    admin.close();
  }
}
