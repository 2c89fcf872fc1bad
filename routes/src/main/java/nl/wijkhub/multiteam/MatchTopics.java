package nl.wijkhub.multiteam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.publish.Topic;
import nl.wijkhub.publish.TopicProvisioner;
import nl.wijkhub.publish.Topics;

/**
 * Makes each covenant's signal topic and match topic when missing, before the matcher starts (Kafka Streams does
 * not start on a missing source topic). Both keep records for the covenant's longest retention; the match topic is
 * also compacted, so that it holds one record per person. The matcher's dead-letter topic too.
 */
final class MatchTopics {

  private MatchTopics() {}

  static void ensure(Map<String, Object> adminProperties, short replicationFactor, Duration excerptRetention,
      Covenants covenants) {
    List<Topic<?>> topics = new ArrayList<>();
    for (String covenantId : covenants.ids()) {
      topics.add(Topics.multiteam(covenantId, covenants.retention(covenantId)));
      topics.add(Topics.matches(covenantId, covenants.retention(covenantId)));
    }
    topics.add(Topics.MATCH_DEAD_LETTERS);
    TopicProvisioner.ensure(adminProperties, replicationFactor, excerptRetention, topics);
  }
}
