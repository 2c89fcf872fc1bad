package nl.wijkhub.multiteam;

import nl.wijkhub.publish.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The matcher: DOWN when its streams stopped (it then needs an operator), {@code DEAD_LETTERS} when it skipped
 * records since the hub started (it still matches; an operator should look at the dead-letter topic), else UP.
 */
class MatcherHealthIndicator extends AbstractHealthIndicator {

  static final Status DEAD_LETTERS = new Status("DEAD_LETTERS",
      "The matcher skipped records it could not read or open; see the topic " + Topics.MATCH_DEAD_LETTERS.name());

  private final MatchStreams streams;
  private final KafkaDeadLetterSink deadLetters;

  MatcherHealthIndicator(MatchStreams streams, KafkaDeadLetterSink deadLetters) {
    super("The matcher's state cannot be read");
    this.streams = streams;
    this.deadLetters = deadLetters;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KafkaStreams.State state = streams.state();
    long skipped = deadLetters.sinceStart();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING && streams.isRunning()) {
      builder.down();
    } else if (skipped > 0) {
      builder.status(DEAD_LETTERS);
    } else {
      builder.up();
    }
    builder.withDetail("state", state.name()).withDetail("deadLetters", skipped)
        .withDetail("deadLetterTopic", Topics.MATCH_DEAD_LETTERS.name());
  }
}
