package nl.wijkhub.file;

import java.time.Clock;
import nl.wijkhub.HubSettings;
import nl.wijkhub.connectors.dropfolder.DropFolder;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.DeliveryPipeline;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FileDropConfiguration {

  /** The drop folder with an inbox and outbox ready for every registered partner. */
  @Bean
  DropFolder dropFolder(HubSettings settings, ReferenceData reference, Clock clock) {
    DropFolder folder = new DropFolder(settings.dataDir(), clock);
    folder.prepare(reference.partners().stream().map(Partner::id).toList());
    return folder;
  }

  @Bean
  FileIntake fileIntake(DropFolder folder, ReferenceData reference, Admission admission, DeliveryPipeline ingestor,
      FileDropSettings settings, HubSettings hub, Clock clock) {
    // The spool is emptied at start-up (DeliveryConfiguration); the originals of copies left there are in the inbox.
    return new FileIntake(folder, reference, admission, ingestor, settings, hub.spoolDir().resolve("file"), clock);
  }
}
