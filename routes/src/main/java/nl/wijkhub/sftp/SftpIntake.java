package nl.wijkhub.sftp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.wijkhub.connectors.dropfolder.DropFolder;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.FailedAttempts;
import nl.wijkhub.delivery.ReceiptDocuments;
import nl.wijkhub.delivery.Spool;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.MDC;

/**
 * The SFTP channel's side of a delivery: spool the remote file into a {@link Delivery}, name the folder it moves to
 * on the server once committed, and the receipt files that go next to it. A file in {@code proef/} is a trial.
 */
public class SftpIntake {

  static final String CHANNEL = "SFTP";
  static final String PARTNER = "wijkhubPartner";
  static final String DELIVERY = "wijkhubDelivery";
  static final String RECEIPT = "wijkhubReceipt";
  /** Folder, next to the file, that the consumer moves the file into when the exchange completes. */
  static final String DONE_FOLDER = "wijkhubDoneFolder";
  /** The partner's signals folder; its files are deliveries of signals, deleted once receipted. */
  static final String SIGNALS = "signalen";
  static final String PROCESSED = "verwerkt";
  static final String REFUSED = "geweigerd";

  /** A receipt document to write on the partner's server, its name relative to the polled folder. */
  public record ReceiptFile(String name, String content) {}

  private final Path spoolDir;
  private final Admission admission;
  private final Clock clock;

  public SftpIntake(Path spoolDir, Admission admission, Clock clock) {
    this.spoolDir = spoolDir;
    this.admission = admission;
    this.clock = clock;
  }

  /**
   * Streams the remote file into the spool; {@code relativeName} is its path below the polled folder. A file the
   * server lists as too large is not downloaded at all: normalisation refuses it by its size.
   *
   * <p>The key ties the delivery to this file name and content: when the hub stopped after the commit but before the
   * receipt was written or the file moved, the next poll gets the original receipt instead of a DUPLICATE one.
   */
  public Delivery spool(@Body InputStream content, @Header(Exchange.FILE_NAME) String relativeName,
      @Header(Exchange.FILE_LENGTH) Long length, @ExchangeProperty(PARTNER) String partnerId) {
    MDC.put("partner", partnerId);
    Path name = Path.of(relativeName);
    String fileName = name.getFileName().toString();
    Delivery delivery = length != null && admission.isTooLarge(length)
        ? Delivery.of(partnerId, CHANNEL, fileName, spoolDir.resolve("not-downloaded"), "", length, clock.instant())
        : Spool.spool(content, spoolDir, partnerId, CHANNEL, fileName, clock.instant());
    MDC.put("submission", delivery.submissionId());
    boolean trial = name.getNameCount() > 1 && name.getName(0).toString().equals(DropFolder.TRIAL);
    return trial ? delivery.asDryRun() : delivery.withIdempotencyKey("sftp:" + Spool.sha256((relativeName + '\n'
        + delivery.sha256()).getBytes(StandardCharsets.UTF_8)).substring(0, 32));
  }

  /**
   * As {@link #spool}, for a file in the partner's {@code signalen/} folder: a delivery of signals (which labels it
   * by content, not by its name). The folder is part of the idempotency key, so a counts file of the same name and
   * content is another delivery.
   */
  public Delivery spoolSignals(@Body InputStream content, @Header(Exchange.FILE_NAME) String name,
      @Header(Exchange.FILE_LENGTH) Long length, @ExchangeProperty(PARTNER) String partnerId) {
    return spool(content, SIGNALS + "/" + name, length, partnerId).as(Delivery.Kind.SIGNALS);
  }

  /**
   * {@code verwerkt/<submission>}, or {@code geweigerd/<submission>} for a file that cannot be read at all or that
   * the hub gave up on after repeated failures; the
   * submission is the receipt's, which for a file finished after a restart is the original delivery's.
   */
  public String doneFolder(@ExchangeProperty(DELIVERY) Delivery delivery,
      @ExchangeProperty(RECEIPT) SubmissionReceipt receipt) {
    boolean refused = FailedAttempts.givenUp(receipt) || admission.refusal(delivery).isPresent();
    return (refused ? REFUSED : PROCESSED) + "/" + receipt.getSubmissionId();
  }

  /** The receipt as JSON and as text, named after the delivered file and in the same folder. */
  public List<ReceiptFile> receiptFiles(@ExchangeProperty(RECEIPT) SubmissionReceipt receipt,
      @Header(Exchange.FILE_NAME) String relativeName) {
    return List.of(new ReceiptFile(relativeName + ".receipt.json", ReceiptDocuments.json(receipt)),
        new ReceiptFile(relativeName + ".receipt.txt", ReceiptDocuments.text(receipt)));
  }

  /** The receipt is on the server; the consumer moves the file when the exchange completes. */
  public void complete() {
    MDC.clear();
  }
}
