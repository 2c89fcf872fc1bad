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
    List<NewTopic> topics = Topics.all().stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(configs(t, excerptRetention)))
        .toList();
    Map<ConfigResource, Collection<AlterConfigOp>> alterations = new HashMap<>();
    for (Topic<?> topic : Topics.all()) {
      List<AlterConfigOp> ops = configs(topic, excerptRetention).entrySet().stream()
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

  /** The topic-level settings a topic's lifetime needs; empty for the broker's defaults. */
  static Map<String, String> configs(Topic<?> topic, Duration excerptRetention) {
    return switch (topic.lifetime()) {
      case BROKER_DEFAULT -> Map.of();
      case EXCERPTS -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, Long.toString(excerptRetention.toMillis()));
      case COMPACTED -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    };
  }

  private static void await(KafkaFuture<?> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
