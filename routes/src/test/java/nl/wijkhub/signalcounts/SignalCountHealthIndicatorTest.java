package nl.wijkhub.signalcounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Health before start and after stop: a hub that stopped the counts itself is not DOWN. */
class SignalCountHealthIndicatorTest {

  @Test
  void countsThatAreNotStartedAreUpAsNotRunning() {
    SignalCountStreams streams = new SignalCountStreams(new StreamsBuilder().build(), new Properties());

    var health = new SignalCountHealthIndicator(streams).health(true);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("state", "NOT_RUNNING");
    assertThat(streams.counts("pmg-leeuwarden-oost")).as("nothing to read yet").isEmpty();
  }
}
