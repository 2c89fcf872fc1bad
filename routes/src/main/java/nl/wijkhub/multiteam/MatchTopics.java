package nl.wijkhub.multiteam;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.publish.Topic;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes each covenant's signal topic and match topic when missing, before the matcher starts (Kafka Streams does
 * not start on a missing source topic). Both keep records for the covenant's longest retention; the match topic is
 * also compacted, so that it holds one record per person. Existing topics are left as they are.
 */
final class MatchTopics {

  private static final long TIMEOUT_SECONDS = 60;
  /** A month counted long, so that a record is never deleted before the covenant's retention ends. */
  private static final int DAYS_PER_MONTH = 31;

  private MatchTopics() {}

  static void ensure(Map<String, Object> adminProperties, short replicationFactor, Covenants covenants) {
    List<NewTopic> topics = new ArrayList<>();
    for (String covenantId : covenants.ids()) {
      String retentionMs = Long.toString(retention(covenants.versions(covenantId)).toMillis());
      topics.add(newTopic(Topics.multiteam(covenantId), replicationFactor, retentionMs));
      topics.add(newTopic(Topics.matches(covenantId), replicationFactor, retentionMs));
    }
    try (Admin admin = Admin.create(adminProperties)) {
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create the MultiTeam topics", e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the MultiTeam topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while creating the"
          + " MultiTeam topics (is KAFKA_BOOTSTRAP_SERVERS right?)", e);
    }
  }

  private static NewTopic newTopic(Topic<?> topic, short replicationFactor, String retentionMs) {
    String cleanup = topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE
        : TopicConfig.CLEANUP_POLICY_DELETE;
    return new NewTopic(topic.name(), topic.partitions(), replicationFactor)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs, TopicConfig.CLEANUP_POLICY_CONFIG, cleanup));
  }

  static Duration retention(Collection<CovenantVersion> versions) {
    Period longest = versions.stream().map(CovenantVersion::retention)
        .max((a, b) -> Long.compare(days(a), days(b))).orElseThrow();
    return Duration.ofDays(days(longest));
  }

  private static long days(Period period) {
    return period.toTotalMonths() * DAYS_PER_MONTH + period.getDays();
  }
}
