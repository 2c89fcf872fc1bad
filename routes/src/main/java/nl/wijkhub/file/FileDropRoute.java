package nl.wijkhub.file;

import nl.wijkhub.connectors.dropfolder.DropFolder;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.DeliveryErrorHandling;
import nl.wijkhub.delivery.DeliveryRoute;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Watches the whole inbox and feeds each complete file into the normalisation path; files where nothing is read
 * (the inbox root, other or deeper sub-folders) are picked up too, so that {@link FileIntake} quarantines them with a
 * reason. Camel's {@code changed} read lock waits until a file stops growing; names that mark a file still being
 * written (a leading dot, {@code .part}, {@code .tmp}, Office's {@code ~$}) are skipped until renamed. The file stays in the inbox ({@code noop}) until {@link FileIntake} archives or quarantines it, so a
 * failure leaves it for the next scan; one with Kafka unreachable is first tried again with back-off
 * ({@link DeliveryErrorHandling}).
 */
@Component
public class FileDropRoute extends EndpointRouteBuilder {

  private final DropFolder folder;
  private final FileDropSettings settings;
  private final FileIntake intake;

  public FileDropRoute(DropFolder folder, FileDropSettings settings, FileIntake intake) {
    this.folder = folder;
    this.settings = settings;
    this.intake = intake;
  }

  @Override
  public void configure() {
    from(file(folder.inbox().toString())
        .recursive(true)
        .noop(true).idempotent(false)
        .readLock("changed")
        .readLockMinLength(0)
        .readLockMinAge(settings.minAge().toMillis() + "ms")
        .readLockCheckInterval(Math.max(100, settings.minAge().toMillis() / 2))
        .exclude(Admission.NOT_YET_DELIVERIES)
        .sortBy("file:modified")
        .delay(settings.pollInterval().toMillis()))
        .routeId("file-drop")
        .routeConfigurationId(DeliveryErrorHandling.ID)
        .bean(intake, "accept")
        .filter(body().isNotNull())
          .to(DeliveryRoute.ENDPOINT)
          .bean(intake, "complete")
        .end();
  }
}
