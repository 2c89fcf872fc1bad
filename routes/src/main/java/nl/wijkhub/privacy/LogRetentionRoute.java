package nl.wijkhub.privacy;

import java.time.Clock;
import java.util.Collection;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ProcessingLogRetention} at its own interval, apart from the hub's other retention: it is the only job
 * that deletes from the processing log, with credentials of its own. Logs counts and key versions, never a subject.
 */
final class LogRetentionRoute extends EndpointRouteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(LogRetentionRoute.class);

  private final ProcessingLogRetention retention;
  private final LogRetentionSettings settings;
  private final Collection<String> covenantIds;
  private final Clock clock;

  LogRetentionRoute(ProcessingLogRetention retention, LogRetentionSettings settings, Collection<String> covenantIds,
      Clock clock) {
    this.retention = retention;
    this.settings = settings;
    this.covenantIds = covenantIds;
    this.clock = clock;
  }

  @Override
  public void configure() {
    from(timer("processing-log-retention").period(settings.interval().toMillis()).delay(60_000))
        .routeId("processing-log-retention")
        .process(exchange -> {
          ProcessingLogRetention.Purged purged = retention.purge(clock.instant(), covenantIds);
          LOG.info("Processing log retention ({}): removed {} processing records and {} access records; destroyed"
              + " pseudonym key versions {}", settings.keep(), purged.processingRecords(), purged.accessRecords(),
              purged.pseudonymVersions());
        });
  }
}
