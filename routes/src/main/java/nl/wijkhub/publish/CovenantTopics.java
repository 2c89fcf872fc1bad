package nl.wijkhub.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.RoutedSignal;

/**
 * The one catalogue of the covenants' topics: per covenant its routed signals and its matches, both kept for the
 * covenant's longest retention (Kafka then deletes what is older, by segment; deleting a period exactly is the
 * data keys' job), the match topic also compacted to one record per person. The signal path writes the signals,
 * the matcher reads them and writes the matches, the inbox reads both.
 */
public final class CovenantTopics {

  private final Map<String, Topic<RoutedSignal>> signals = new LinkedHashMap<>();
  private final Map<String, Topic<Match>> matches = new LinkedHashMap<>();

  public CovenantTopics(Covenants covenants) {
    covenants.ids().stream().sorted().forEach(id -> {
      Duration retention = covenants.retention(id);
      signals.put(id, Topics.multiteam(id, retention));
      matches.put(id, Topics.matches(id, retention));
    });
  }

  /** The covenant's routed-signals topic. */
  public Topic<RoutedSignal> signals(String covenantId) {
    return known(signals, covenantId);
  }

  /** The covenant's match topic. */
  public Topic<Match> matches(String covenantId) {
    return known(matches, covenantId);
  }

  /** The covenants, sorted. */
  public List<String> covenantIds() {
    return List.copyOf(signals.keySet());
  }

  /** Every covenant's topics. */
  public List<Topic<?>> all() {
    List<Topic<?>> all = new ArrayList<>(signals.values());
    all.addAll(matches.values());
    return all;
  }

  private static <V> Topic<V> known(Map<String, Topic<V>> topics, String covenantId) {
    Topic<V> topic = topics.get(covenantId);
    if (topic == null) {
      throw new IllegalArgumentException("No topic for covenant " + covenantId + "; config/covenants has "
          + topics.keySet());
    }
    return topic;
  }
}
