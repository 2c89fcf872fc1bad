package nl.wijkhub.file;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import nl.wijkhub.connectors.dropfolder.DropFolder;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.DeliveryPipeline;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.FailedAttempts;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.ReceiptDocuments;
import nl.wijkhub.delivery.Spool;
import nl.wijkhub.reference.ReferenceData;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The drop folder's side of a delivery: decide whether a picked-up file can be ingested, and finish it afterwards.
 * Files that cannot be read at all go to quarantine with a reason. A file in {@code inbox/<partner>/proef/} is a
 * trial: validated and receipted in {@code outbox/<partner>/proef/}, never published. A file whose content was
 * already committed under the same name but never archived (the hub stopped between commit and move) is finished
 * with its original receipt instead of being published again.
 */
public class FileIntake {

  static final String CHANNEL = "FILE";
  static final String DELIVERY = "wijkhub.delivery";
  private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

  private final DropFolder folder;
  private final ReferenceData reference;
  private final Admission admission;
  private final DeliveryPipeline ingestor;
  private final FileDropSettings settings;
  private final Clock clock;

  public FileIntake(DropFolder folder, ReferenceData reference, Admission admission, DeliveryPipeline ingestor,
      FileDropSettings settings, Clock clock) {
    this.folder = folder;
    this.reference = reference;
    this.admission = admission;
    this.ingestor = ingestor;
    this.settings = settings;
    this.clock = clock;
  }

  /** The delivery to ingest, or null when the file was dealt with here (quarantined, refused or recovered). */
  public Delivery accept(@Body File picked) {
    Path file = picked.toPath();
    boolean trial = !file.getParent().getParent().equals(folder.inbox());
    Path partnerFolder = trial ? file.getParent().getParent() : file.getParent();
    String partnerId = partnerFolder.getFileName().toString();
    MDC.put("partner", partnerId);
    if (reference.partner(partnerId).isEmpty()) {
      quarantine(file, "De map '" + partnerId + "' hoort niet bij een bekende partner. Controleer de partner-id"
          + " (zie config/partners.yaml) en lever het bestand in de juiste map aan.");
      return null;
    }
    if (trial && !file.getParent().getFileName().toString().equals(DropFolder.TRIAL)) {
      quarantine(file, "De map '" + file.getParent().getFileName() + "' wordt niet gelezen. Lever aan in de map van"
          + " de partner zelf, of in de submap '" + DropFolder.TRIAL + "' voor een proefaanlevering.");
      return null;
    }
    long size = size(file);
    boolean hashable = size > 0 && !admission.isTooLarge(size);
    Delivery delivery = Delivery.of(partnerId, CHANNEL, file.getFileName().toString(), file,
        hashable ? Spool.sha256(file) : "", size, clock.instant());
    delivery = trial ? delivery.asDryRun() : delivery;
    MDC.put("submission", delivery.submissionId());
    Optional<Problem> refusal = admission.refusal(delivery);
    if (refusal.isPresent()) {
      writeReceipt(ingestor.ingest(delivery));
      quarantine(file, refusal.get().message());
      return null;
    }
    Delivery candidate = delivery;
    Optional<SubmissionReceipt> unfinished = trial ? Optional.empty()
        : ingestor.original(partnerId, delivery.sha256())
            .filter(original -> original.getSourceName().equals(candidate.sourceName())
                && !folder.isArchived(partnerId, original.getSubmissionId()));
    if (unfinished.isPresent()) {
      LOG.info("Finishing delivery {} that was committed before the hub stopped", unfinished.get().getSubmissionId());
      finish(file, unfinished.get());
      return null;
    }
    return delivery;
  }

  /** Called with the committed receipt: hand it to the partner, then archive the file. */
  public void complete(@ExchangeProperty(DELIVERY) Delivery delivery, @Body SubmissionReceipt receipt) {
    if (settings.haltAfterCommit()) {
      Runtime.getRuntime().halt(137);
    }
    if (FailedAttempts.givenUp(receipt)) {
      writeReceipt(receipt);
      quarantine(delivery.content(), receipt.getErrors().get(0).getMessage());
      return;
    }
    finish(delivery.content(), receipt);
  }

  private void finish(Path file, SubmissionReceipt receipt) {
    writeReceipt(receipt);
    folder.archive(file, receipt.getPartner(), receipt.getSubmissionId());
    MDC.clear();
  }

  private void writeReceipt(SubmissionReceipt receipt) {
    folder.writeReceipt(receipt.getPartner(), receipt.getDryRun(), receipt.getSourceName(),
        ReceiptDocuments.json(receipt), ReceiptDocuments.text(receipt));
  }

  private void quarantine(Path file, String reason) {
    Path moved = folder.quarantine(file, reason);
    LOG.warn("Quarantined {}", moved.getFileName());
    MDC.clear();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
