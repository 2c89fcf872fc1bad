package nl.wijkhub.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics when they are missing, and gives every topic the cleanup its {@link Topic.Lifetime}
 * asks for, on new and existing topics alike: a hub started with a shorter excerpt retention shortens it on topics
 * an older hub created. Partitions and replication of an existing topic are left as they are.
 */
public final class TopicProvisioner {

  private static final long TIMEOUT_SECONDS = 60;

  private TopicProvisioner() {}

  public static void ensureTopics(Map<String, Object> clientProperties, short replicationFactor,
      Duration excerptRetention) {
    ensure(clientProperties, replicationFactor, excerptRetention, Topics.all());
  }

  /** As {@link #ensureTopics}, for topics outside the fixed catalogue (one per covenant). */
  public static void ensure(Map<String, Object> clientProperties, short replicationFactor, Duration excerptRetention,
      Collection<Topic<?>> catalogue) {
    List<NewTopic> topics = catalogue.stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor)
            .configs(configs(t, replicationFactor, excerptRetention)))
        .toList();
    Map<ConfigResource, Collection<AlterConfigOp>> alterations = new HashMap<>();
    for (Topic<?> topic : catalogue) {
      List<AlterConfigOp> ops = configs(topic, replicationFactor, excerptRetention).entrySet().stream()
          .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
          .toList();
      if (!ops.isEmpty()) {
        alterations.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), ops);
      }
    }
    try (Admin admin = Admin.create(clientProperties)) {
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          await(result);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create the hub's Kafka topics", e.getCause());
          }
        }
      }
      try {
        await(admin.incrementalAlterConfigs(alterations).all());
      } catch (ExecutionException e) {
        throw new IllegalStateException("Cannot set the retention of the hub's Kafka topics", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while creating topics"
          + " (is KAFKA_BOOTSTRAP_SERVERS right?)", e);
    }
  }

  /**
   * The topic-level settings a topic gets, on creation and again on every start. {@code min.insync.replicas} is
   * min(2, replication factor): with the production factor of 3 an acknowledged write is on two brokers and writes
   * go on while one broker is down; a factor of 1 (the embedded broker) needs 1 to accept writes at all. Replication
   * factor minus one was the alternative; it gives the same 2 for a factor of 3, but for a factor of 2 it would
   * acknowledge writes held by one broker only, and this hub prefers refusing a delivery (the partner is told to
   * retry) over losing one.
   */
  static Map<String, String> configs(Topic<?> topic, short replicationFactor, Duration excerptRetention) {
    Map<String, String> configs = new HashMap<>();
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicationFactor)));
    switch (topic.lifetime()) {
      case FOREVER -> configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
      case EXCERPTS -> {
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(excerptRetention.toMillis()));
      }
      case COMPACTED -> configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      case RETAINED -> {
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
      }
      case RETAINED_COMPACTED -> {
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
      }
    }
    return configs;
  }

  private static void await(KafkaFuture<?> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
