package nl.wijkhub.monitoring;

import nl.wijkhub.publish.Topics;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code DEAD_LETTERS} while records the store could not take wait for a replay, UP when none wait. The status
 * ranks between OUT_OF_SERVICE and UP (application.yaml), so the hub's overall health shows it, and answers 200:
 * deliveries still go through, and a load balancer must not take the hub out for it.
 */
class DeadLetterHealthIndicator extends AbstractHealthIndicator {

  static final Status DEAD_LETTERS = new Status("DEAD_LETTERS",
      "Records wait on the dead-letter topic; fix the cause, then POST /api/v1/beheer/dead-letters/replay");

  private final DeadLetterBacklog backlog;

  DeadLetterHealthIndicator(DeadLetterBacklog backlog) {
    super("The dead-letter topic cannot be read");
    this.backlog = backlog;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    long waiting = backlog.waiting();
    (waiting == 0 ? builder.up() : builder.status(DEAD_LETTERS)).withDetail("waiting", waiting)
        .withDetail("topic", Topics.INDICATOR_DEAD_LETTERS.name());
  }
}
