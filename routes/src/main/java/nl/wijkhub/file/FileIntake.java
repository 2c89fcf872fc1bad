package nl.wijkhub.file;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Optional;
import nl.wijkhub.connectors.dropfolder.DropFolder;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryPipeline;
import nl.wijkhub.delivery.FailedAttempts;
import nl.wijkhub.delivery.PersonalData;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.ReceiptDocuments;
import nl.wijkhub.delivery.Spool;
import nl.wijkhub.reference.ReferenceData;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The drop folder's side of a delivery: decide whether a picked-up file can be ingested, and finish it afterwards.
 * Files that cannot be read at all, or that lie where the hub reads nothing ({@link InboxPlace}), go to quarantine
 * with a reason. A file in {@code inbox/<partner>/proef/} is a trial: validated and receipted in
 * {@code outbox/<partner>/proef/}, never published. A file whose delivery was already committed but never moved (the
 * hub stopped between commit and move) is found on the ledger and finished with its original receipt instead of
 * being published again, whether it was accepted, rejected or refused.
 *
 * <p>The file is copied to the spool first, and the hash and the rows come from that copy, so the bytes hashed are
 * the bytes read. A file whose size or modification time changed while it was copied is still being written (a
 * partner that does not write under a temporary name first): the copy is dropped and the file left for the next
 * scan, where Camel's read lock waits for it to settle again.
 */
public class FileIntake {

  static final String CHANNEL = "FILE";
  static final String PICKED = "wijkhub.picked";
  private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

  private final DropFolder folder;
  private final ReferenceData reference;
  private final Admission admission;
  private final DeliveryPipeline ingestor;
  private final FileDropSettings settings;
  private final Path spoolDir;
  private final Clock clock;

  public FileIntake(DropFolder folder, ReferenceData reference, Admission admission, DeliveryPipeline ingestor,
      FileDropSettings settings, Path spoolDir, Clock clock) {
    this.folder = folder;
    this.reference = reference;
    this.admission = admission;
    this.ingestor = ingestor;
    this.settings = settings;
    this.spoolDir = spoolDir;
    this.clock = clock;
  }

  /** The delivery to ingest, or null when the file was dealt with here (quarantined, refused, recovered, left). */
  public Delivery accept(@Body File picked, Exchange exchange) {
    Path file = picked.toPath();
    InboxPlace place = InboxPlace.of(folder.inbox(), file);
    MDC.put("partner", place.partnerId());
    if (place.reason().isPresent()) {
      if (place.signals()) {
        // A signals file is personal data: never kept in plaintext, not even in quarantine.
        delete(place.refused(), "in a place the hub does not read");
      } else {
        quarantine(place.refused(), place.reason().get());
      }
      return null;
    }
    String partnerId = place.partnerId();
    if (reference.partner(partnerId).isEmpty() && place.signals()) {
      delete(file, "in the signals folder of an unknown partner");
      return null;
    }
    if (reference.partner(partnerId).isEmpty()) {
      quarantine(file, "De map '" + partnerId + "' hoort niet bij een bekende partner. Controleer de partner-id"
          + " (zie config/partners.yaml) en lever het bestand in de juiste map aan.");
      return null;
    }
    BasicFileAttributes before = attributes(file);
    Delivery delivery;
    if (before.size() == 0 || admission.isTooLarge(before.size())) {
      // Refused below without reading a byte: nothing to hash.
      delivery = Delivery.of(partnerId, CHANNEL, file.getFileName().toString(), file, "", before.size(),
          clock.instant());
    } else {
      Optional<Delivery> spooled = spoolUnchanged(file, partnerId, before);
      if (spooled.isEmpty()) {
        // Never the name: a signals file may be named after the person it is about.
        LOG.info("A file of {} changed while it was read; left for the next scan", partnerId);
        MDC.clear();
        return null;
      }
      delivery = spooled.get();
      Spool.deleteWhenDone(exchange, delivery.content());
    }
    delivery = place.trial() ? delivery.asDryRun() : delivery;
    delivery = place.signals() ? delivery.as(Delivery.Kind.SIGNALS) : delivery;
    exchange.setProperty(PICKED, file);
    MDC.put("submission", delivery.submissionId());
    Optional<Problem> refusal = admission.refusal(delivery);
    Optional<SubmissionReceipt> unfinished = place.trial() ? Optional.empty() : unfinished(delivery, before);
    if (unfinished.isPresent()) {
      LOG.info("Finishing delivery {} that was committed before the hub stopped", unfinished.get().getSubmissionId());
      if (refusal.isPresent()) {
        refuse(file, unfinished.get(), refusal.get().message());
      } else {
        finish(file, unfinished.get());
      }
      return null;
    }
    if (refusal.isPresent()) {
      refuse(file, ingestor.ingest(delivery), refusal.get().message());
      return null;
    }
    return delivery;
  }

  /**
   * The receipt of this very file's delivery when it was committed but the hub stopped before moving it, whatever the
   * outcome (accepted, rejected, refused or duplicate): the partner's latest delivery of the same content under the
   * same name, not archived, and committed after the file last changed (a file dropped again later is a new delivery).
   */
  private Optional<SubmissionReceipt> unfinished(Delivery delivery, BasicFileAttributes file) {
    long modified = file.lastModifiedTime().toMillis();
    return ingestor.latest(delivery.partnerId(), delivery.sha256())
        .filter(committed -> committed.getSourceName().equals(delivery.sourceName())
            && committed.getReceivedAt().toEpochMilli() >= modified
            && !folder.isArchived(delivery.partnerId(), committed.getSubmissionId()));
  }

  /** Called with the committed receipt: hand it to the partner, then archive the file as it lies in the inbox. */
  public void complete(@ExchangeProperty(PICKED) Path picked, @Body SubmissionReceipt receipt) {
    if (settings.haltAfterCommit()) {
      Runtime.getRuntime().halt(137);
    }
    if (FailedAttempts.givenUp(receipt)) {
      refuse(picked, receipt, receipt.getErrors().get(0).getMessage());
      return;
    }
    finish(picked, receipt);
  }

  /** The file copied to the spool, or empty when its size or modification time changed during the copy. */
  private Optional<Delivery> spoolUnchanged(Path file, String partnerId, BasicFileAttributes before) {
    Delivery delivery;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      delivery = Spool.spool(in, spoolDir, partnerId, CHANNEL, file.getFileName().toString(), clock.instant());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (unchanged(before, attributes(file), delivery.sizeBytes())) {
      return Optional.of(delivery);
    }
    try {
      Files.deleteIfExists(delivery.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  /** True when the file had the same size and modification time before and after the copy, and all was copied. */
  static boolean unchanged(BasicFileAttributes before, BasicFileAttributes after, long copied) {
    return after.size() == before.size() && copied == before.size()
        && after.lastModifiedTime().equals(before.lastModifiedTime());
  }

  /**
   * Hands the receipt to the partner, then archives the file, or deletes it when it holds personal data: a signals
   * file after its commit (the MultiTeam has it, sealed), and a count file refused for personal data.
   */
  private void finish(Path file, SubmissionReceipt receipt) {
    writeReceipt(receipt);
    if (holdsPersonalData(file, receipt)) {
      delete(file, "delivered " + receipt.getSubmissionId());
    } else {
      folder.archive(file, receipt.getPartner(), receipt.getSubmissionId());
    }
    MDC.clear();
  }

  /** A file refused as a whole: its receipt to the partner, then quarantine, or deletion for personal data. */
  private void refuse(Path file, SubmissionReceipt receipt, String reason) {
    writeReceipt(receipt);
    if (holdsPersonalData(file, receipt)) {
      delete(file, "refused " + receipt.getSubmissionId());
    } else {
      quarantine(file, reason);
    }
  }

  private boolean holdsPersonalData(Path file, SubmissionReceipt receipt) {
    return InboxPlace.of(folder.inbox(), file).signals() || PersonalData.refused(receipt);
  }

  /** Deletes a file that must not be kept; the log names why, never the content. */
  private static void delete(Path file, String why) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete a file holding personal data", e);
    }
    LOG.info("Deleted a file holding personal data ({})", why);
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

  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
