package nl.wijkhub.delivery;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Shows the deliveries waiting for another try after a transient failure and the latest back-off step. UP: the
 * channels keep taking deliveries; Kafka's and the registry's own indicators say what is unreachable.
 */
public class TransientRetryHealthIndicator extends AbstractHealthIndicator {

  private final TransientRetries retries;

  public TransientRetryHealthIndicator(TransientRetries retries) {
    this.retries = retries;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("waiting", retries.waiting());
    TransientRetries.Step step = retries.latest();
    if (step != null) {
      builder.withDetail("latestChannel", step.channel())
          .withDetail("latestReason", step.reason())
          .withDetail("latestFailure", step.failure())
          .withDetail("latestDelayMs", step.delay().toMillis())
          .withDetail("latestAt", step.at().toString());
    }
  }
}
