package nl.wijkhub.publish;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics when they are missing; existing topics are left as they are. */
public final class TopicProvisioner {

  private static final long TIMEOUT_SECONDS = 60;

  private TopicProvisioner() {}

  public static void ensureTopics(Map<String, Object> clientProperties, short replicationFactor) {
    List<NewTopic> topics = Topics.all().stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor)
            .configs(t.keepForever() ? Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1") : Map.of()))
        .toList();
    try (Admin admin = Admin.create(clientProperties)) {
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create the hub's Kafka topics", e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while creating topics"
          + " (is KAFKA_BOOTSTRAP_SERVERS right?)", e);
    }
  }
}
