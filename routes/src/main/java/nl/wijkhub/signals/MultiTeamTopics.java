package nl.wijkhub.signals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.covenant.CovenantVersion;
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
    for (String id : covenants.ids()) {
      Period longest = covenants.versions(id).stream().map(CovenantVersion::retention)
          .max((a, b) -> Long.compare(days(a), days(b))).orElseThrow();
      byCovenant.put(id, Topics.multiteam(id, Duration.ofDays(days(longest))));
    }
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

  /** The period in days, counted from a fixed day so that the answer never changes with the date. */
  private static long days(Period period) {
    LocalDate from = LocalDate.of(2000, 1, 1);
    return ChronoUnit.DAYS.between(from, from.plus(period));
  }
}
