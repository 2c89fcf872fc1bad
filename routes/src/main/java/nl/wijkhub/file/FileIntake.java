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
import nl.wijkhub.normalise.CountIngestor;
import nl.wijkhub.normalise.Delivery;
import nl.wijkhub.normalise.Problem;
import nl.wijkhub.normalise.ReceiptDocuments;
import nl.wijkhub.normalise.Spool;
import nl.wijkhub.reference.ReferenceData;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The drop folder's side of a delivery: decide whether a picked-up file can be ingested, and finish it afterwards.
 * Files that cannot be read at all go to quarantine with a reason. A file whose content was already committed
 * under the same name but never archived (the hub stopped between commit and move) is finished with its original
 * receipt instead of being published again.
 */
public class FileIntake {

  static final String CHANNEL = "FILE";
  static final String DELIVERY = "wijkhub.delivery";
  private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

  private final DropFolder folder;
  private final ReferenceData reference;
  private final CountIngestor ingestor;
  private final FileDropSettings settings;
  private final Clock clock;

  public FileIntake(DropFolder folder, ReferenceData reference, CountIngestor ingestor,
      FileDropSettings settings, Clock clock) {
    this.folder = folder;
    this.reference = reference;
    this.ingestor = ingestor;
    this.settings = settings;
    this.clock = clock;
  }

  /** The delivery to ingest, or null when the file was dealt with here (quarantined, refused or recovered). */
  public Delivery accept(@Body File picked) {
    Path file = picked.toPath();
    String partnerId = file.getParent().getFileName().toString();
    MDC.put("partner", partnerId);
    if (reference.partner(partnerId).isEmpty()) {
      quarantine(file, "De map '" + partnerId + "' hoort niet bij een bekende partner. Controleer de partner-id"
          + " (zie config/partners.yaml) en lever het bestand in de juiste map aan.");
      return null;
    }
    long size = size(file);
    Delivery delivery = Delivery.of(partnerId, CHANNEL, file.getFileName().toString(), file,
        size == 0 || size > settings.maxFileSize().toBytes() ? "" : Spool.sha256(file), size, clock.instant());
    MDC.put("submission", delivery.submissionId());
    Optional<Problem> refusal = refusal(delivery);
    if (refusal.isPresent()) {
      SubmissionReceipt receipt = ingestor.refuse(delivery, refusal.get());
      writeReceipt(receipt);
      quarantine(file, refusal.get().message());
      return null;
    }
    Optional<SubmissionReceipt> unfinished = ingestor.original(partnerId, delivery.sha256())
        .filter(original -> original.getSourceName().equals(delivery.sourceName())
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
    finish(delivery.content(), receipt);
    LOG.info("Delivery {}: {} ({} accepted, {} rejected)", receipt.getSubmissionId(), receipt.getStatus(),
        receipt.getAccepted(), receipt.getRejected());
  }

  private void finish(Path file, SubmissionReceipt receipt) {
    writeReceipt(receipt);
    folder.archive(file, receipt.getPartner(), receipt.getSubmissionId());
    MDC.clear();
  }

  private Optional<Problem> refusal(Delivery delivery) {
    if (delivery.sizeBytes() == 0) {
      return Optional.of(Problem.ofFile("BESTAND_LEEG", "Het bestand is leeg (0 bytes). Sla het opnieuw op en"
          + " lever het nog eens aan."));
    }
    if (delivery.sizeBytes() > settings.maxFileSize().toBytes()) {
      return Optional.of(Problem.ofFile("BESTAND_TE_GROOT", "Het bestand is " + mb(delivery.sizeBytes())
          + " MB; het maximum is " + mb(settings.maxFileSize().toBytes()) + " MB. Splits het in kleinere bestanden,"
          + " bijvoorbeeld per jaar of per wijk."));
    }
    if (delivery.format().isEmpty()) {
      return Optional.of(Problem.ofFile("FORMAAT_ONBEKEND", "Het bestand '" + delivery.sourceName() + "' is geen"
          + " CSV of JSON. Sla het op als CSV (puntkomma-gescheiden) of lever JSON aan."));
    }
    return Optional.empty();
  }

  private void writeReceipt(SubmissionReceipt receipt) {
    folder.writeReceipt(receipt.getPartner(), receipt.getSourceName(), ReceiptDocuments.json(receipt),
        ReceiptDocuments.text(receipt));
  }

  private void quarantine(Path file, String reason) {
    Path moved = folder.quarantine(file, reason);
    LOG.warn("Quarantined {}", moved.getFileName());
    MDC.clear();
  }

  private static long mb(long bytes) {
    long mb = 1024 * 1024;
    return (bytes + mb - 1) / mb;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
