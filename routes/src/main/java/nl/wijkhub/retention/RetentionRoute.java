package nl.wijkhub.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link Purge} at the configured interval, the first a minute after start-up. Logs how many entries each
 * removed, never which: names in the archive and quarantine are partners' file names.
 */
public class RetentionRoute extends EndpointRouteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionRoute.class);

  private final List<Purge> purges;
  private final RetentionSettings settings;
  private final Clock clock;

  public RetentionRoute(List<Purge> purges, RetentionSettings settings, Clock clock) {
    this.purges = purges;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void configure() {
    from(timer("retention").period(settings.interval().toMillis()).delay(60_000))
        .routeId("retention")
        .process(exchange -> purgeAll());
  }

  /** Runs each purge; one that fails is logged and does not keep the others from running. */
  void purgeAll() {
    Instant now = clock.instant();
    for (Purge purge : purges) {
      try {
        LOG.info("Retention: removed {} entries from {}", purge.purge(now), purge.area());
      } catch (RuntimeException e) {
        LOG.error("Retention of {} failed: {}", purge.area(), e.getClass().getSimpleName());
      }
    }
  }
}
