package nl.wijkhub.signals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.publish.Topic;
import nl.wijkhub.publish.Topics;

/**
 * One routed-signals topic per covenant, kept as long as the covenant's longest retention: Kafka then deletes what
 * is older (by segment, so up to a segment's age later). Deleting a period exactly is the data keys' job
 * (crypto-shredding); the topic's retention makes sure the ciphertext goes too.
 */
final class MultiTeamTopics {

  private final Map<String, Topic<RoutedSignal>> byCovenant = new LinkedHashMap<>();

  MultiTeamTopics(Covenants covenants) {
    covenants.ids().forEach(id -> byCovenant.put(id, Topics.multiteam(id, covenants.retention(id))));
  }

  Topic<RoutedSignal> of(String covenantId) {
    Topic<RoutedSignal> topic = byCovenant.get(covenantId);
    if (topic == null) {
      throw new IllegalArgumentException("No topic for covenant " + covenantId);
    }
    return topic;
  }

  List<Topic<?>> all() {
    return List.copyOf(byCovenant.values());
  }
}
