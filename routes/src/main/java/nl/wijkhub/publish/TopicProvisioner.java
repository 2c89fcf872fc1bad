package nl.wijkhub.publish;

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
 * Creates the catalogue's topics when they are missing, and makes sure a topic the catalogue keeps forever is kept
 * forever also when it already existed (an older hub created {@code wijkhub.indicators.v1} with the broker's
 * default retention, and the store is rebuilt from it).
 */
public final class TopicProvisioner {

  private static final long TIMEOUT_SECONDS = 60;

  private TopicProvisioner() {}

  public static void ensureTopics(Map<String, Object> clientProperties, short replicationFactor) {
    List<NewTopic> topics = Topics.all().stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(configs(t, replicationFactor)))
        .toList();
    List<AlterConfigOp> keepForever = List.of(new AlterConfigOp(
        new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET));
    Map<ConfigResource, Collection<AlterConfigOp>> retention = new HashMap<>();
    Topics.all().stream().filter(Topic::keepForever)
        .forEach(t -> retention.put(new ConfigResource(ConfigResource.Type.TOPIC, t.name()), keepForever));
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
      await(admin.incrementalAlterConfigs(retention).all());
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot set retention.ms=-1 on the topics the hub keeps forever", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while creating topics"
          + " (is KAFKA_BOOTSTRAP_SERVERS right?)", e);
    }
  }

  /**
   * The settings a new topic gets. {@code min.insync.replicas} is min(2, replication factor): with the production
   * factor of 3 an acknowledged write is on two brokers and writes go on while one broker is down; a factor of 1
   * (the embedded broker) needs 1 to accept writes at all. Replication factor minus one was the alternative; it
   * gives the same 2 for a factor of 3, but for a factor of 2 it would acknowledge writes held by one broker only,
   * and this hub prefers refusing a delivery (the partner is told to retry) over losing one.
   */
  static Map<String, String> configs(Topic<?> topic, short replicationFactor) {
    Map<String, String> configs = new HashMap<>();
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicationFactor)));
    if (topic.keepForever()) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
    return configs;
  }

  private static void await(KafkaFuture<Void> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
