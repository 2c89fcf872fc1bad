package nl.wijkhub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionRouteTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final RetentionSettings SETTINGS = new RetentionSettings(Duration.ofDays(400), Duration.ofDays(30),
      Duration.ofDays(400), Duration.ofDays(30), Duration.ofHours(1));

  @Test
  void everyPurgeRunsAtTheClocksTimeEvenAfterOneFails() {
    List<String> ran = new ArrayList<>();
    Purge failing = purge("mail folder Verwerkt", now -> {
      throw new IllegalStateException("mail server down");
    });
    Purge archive = purge("archive", now -> {
      ran.add("archive at " + now);
      return 3;
    });

    new RetentionRoute(List.of(failing, archive), SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC)).purgeAll();

    assertThat(ran).containsExactly("archive at " + NOW);
  }

  private static Purge purge(String area, java.util.function.ToIntFunction<Instant> action) {
    return new Purge() {
      @Override
      public String area() {
        return area;
      }

      @Override
      public int purge(Instant now) {
        return action.applyAsInt(now);
      }
    };
  }
}
