package nl.wijkhub.signalcounts;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The signal counts: DOWN when their streams stopped on an error (the Signalen page then says the counts are not
 * available, and an operator must look at the log), else UP with the Kafka Streams state.
 */
class SignalCountHealthIndicator extends AbstractHealthIndicator {

  private final SignalCountStreams streams;

  SignalCountHealthIndicator(SignalCountStreams streams) {
    super("The signal counts' state cannot be read");
    this.streams = streams;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KafkaStreams.State state = streams.state();
    boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING && streams.isRunning();
    (failed ? builder.down() : builder.up()).withDetail("state", state.name());
  }
}
