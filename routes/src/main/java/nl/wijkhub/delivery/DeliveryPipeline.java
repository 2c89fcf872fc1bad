package nl.wijkhub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import nl.wijkhub.delivery.Delivery.DeliveryFormat;
import nl.wijkhub.delivery.DeliveryKind.RowHandler;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.PublishFailed;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every delivery takes, whatever its channel and kind: one delivery at a time, idempotency and duplicate
 * checks, admission, rows read as a stream and handed to the delivery's {@link DeliveryKind}, and the kind's events
 * published with the rejections, the receipt and its ledger entry in one transaction. Content equal to the partner's
 * current delivery of its kind (see {@link ReceiptLedger}) gets a DUPLICATE receipt and nothing else; any other
 * content, an earlier delivery sent again included, is ingested as the newest revision. A delivery that cannot be
 * read as a whole is refused: nothing of it is published but the refusal and its receipt.
 */
public class DeliveryPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);

  private final Map<Delivery.Kind, DeliveryKind> kinds = new EnumMap<>(Delivery.Kind.class);
  private final Admission admission;
  private final SubmissionPublisher publisher;
  private final ReceiptLedger ledger;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Timer ingestTime;
  /** Fair, so that a delivery waiting long is not overtaken by later ones. */
  private final ReentrantLock turn = new ReentrantLock(true);
  private final Duration maxWait;
  /** A commit went unanswered and Kafka could not yet tell whether it was committed; settled before the next check. */
  private volatile boolean unsettled;
  private final FailedAttempts attempts;

  /**
   * @param attempts how often a delivery may fail for a reason other than an unreachable Kafka, registry or store
   *     before it is given up with a receipt
   */
  public DeliveryPipeline(List<DeliveryKind> kinds, Admission admission, SubmissionPublisher publisher,
      ReceiptLedger ledger, Clock clock, MeterRegistry meters, Duration maxWait, FailedAttempts attempts) {
    kinds.forEach(kind -> this.kinds.put(kind.kind(), kind));
    this.maxWait = maxWait;
    this.attempts = attempts;
    this.admission = admission;
    this.publisher = publisher;
    this.ledger = ledger;
    this.clock = clock;
    this.meters = meters;
    this.ingestTime = Timer.builder("wijkhub.ingest.duration").description("Time to validate and publish a delivery")
        .register(meters);
  }

  /**
   * Ingests the delivery and returns its receipt once Kafka has acknowledged all of it. A delivery that cannot be
   * read at all (see {@link Admission}) is refused: its receipt and refusal are published, nothing else.
   */
  public SubmissionReceipt ingest(Delivery delivery) {
    // The duplicate and idempotency checks and the commit that records the receipt must not interleave with another
    // delivery's, or two retries of one request would both pass the checks and publish twice. Trials wait their turn
    // too, so that the heap never holds more than one delivery's reading state (an XLSX's shared strings).
    awaitTurn();
    try {
      return ingestInTurn(delivery);
    } finally {
      turn.unlock();
    }
  }

  private void awaitTurn() {
    try {
      if (!turn.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new DeliveryNotPublished("another delivery is still being ingested after " + maxWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryNotPublished("interrupted while waiting for its turn");
    }
  }

  private SubmissionReceipt ingestInTurn(Delivery delivery) {
    try {
      if (unsettled) {
        settle();
      }
      if (delivery.idempotencyKey() != null) {
        Optional<SubmissionReceipt> earlier = ledger.byIdempotencyKey(delivery.partnerId(),
            delivery.idempotencyKey());
        if (earlier.isPresent()) {
          if (!earlier.get().getSha256().equals(delivery.sha256())) {
            throw new IdempotencyKeyReused(earlier.get());
          }
          LOG.info("Delivery {} by {} is a retry of {}: its receipt again", delivery.submissionId(),
              delivery.channel(), earlier.get().getSubmissionId());
          return earlier.get();
        }
      }
      SubmissionReceipt receipt = ingestTime.record(() -> admission.refusal(delivery)
          .map(problem -> publishRefusal(delivery, problem))
          .or(() -> duplicateOf(delivery).map(original -> publish(delivery,
              new ReceiptBuilder(delivery).duplicateOf(original, clock.instant()))))
          .orElseGet(() -> ingestNew(delivery)));
      count(receipt);
      attempts.ended(delivery);
      LOG.info("Delivery {} by {}: {} ({} accepted, {} rejected{})", receipt.getSubmissionId(), receipt.getChannel(),
          receipt.getStatus(), receipt.getAccepted(), receipt.getRejected(), receipt.getDryRun() ? ", trial" : "");
      return receipt;
    } catch (CommitUnanswered e) {
      return afterUnansweredCommit(e);
    } catch (PublishFailed e) {
      throw new DeliveryNotPublished(e);
    } catch (RuntimeException e) {
      if (FailedAttempts.isTransient(e) || !attempts.exhausted(delivery)) {
        throw e;
      }
      // Only the class: a message may quote the delivery's content.
      LOG.error("Delivery {} failed {} times ({}); given up with a receipt", delivery.submissionId(),
          attempts.maxAttempts(), e.getClass().getName());
      SubmissionReceipt receipt = publishRefusal(delivery, attempts.problem());
      count(receipt);
      return receipt;
    }
  }

  /**
   * A commit that failed or timed out may still have been committed. A new producer with the same transactional id
   * makes Kafka finish the transaction one way or the other; the ledger, read up to date after that, tells which. Only
   * a delivery that is not there is "not published"; one that is gets its receipt, so it is not published twice.
   */
  private SubmissionReceipt afterUnansweredCommit(CommitUnanswered unanswered) {
    SubmissionReceipt receipt = unanswered.receipt;
    try {
      settle();
    } catch (PublishFailed e) {
      LOG.warn("Delivery {}: the commit went unanswered and Kafka cannot tell yet whether it was committed",
          receipt.getSubmissionId());
      throw new DeliveryNotPublished(unanswered.getCause());
    }
    if (!ledger.isCommitted(receipt.getSubmissionId())) {
      throw new DeliveryNotPublished(unanswered.getCause());
    }
    LOG.info("Delivery {}: the commit went unanswered but is on the ledger; answering with its receipt",
        receipt.getSubmissionId());
    ledger.remember(receipt);
    meters.counter("wijkhub.commits.settled", "outcome", "committed").increment();
    count(receipt);
    return receipt;
  }

  /**
   * Lets Kafka finish a transaction whose commit went unanswered (a new producer with the same transactional id
   * completes or aborts it), then reads the ledger up to date. Until this succeeds, no delivery is checked against a
   * ledger that may miss one.
   */
  private void settle() {
    unsettled = true;
    publisher.initialise();
    ledger.catchUp();
    unsettled = false;
  }

  /** A committed receipt by its submission id; trials are never stored, so they are not found. */
  public Optional<SubmissionReceipt> receipt(String submissionId) {
    return ledger.receipt(submissionId);
  }

  /** The partner's most recent committed receipts, newest first. */
  public List<SubmissionReceipt> recent(String partnerId, int limit) {
    return ledger.recent(partnerId, limit);
  }

  /** The receipt of the partner's latest committed delivery of this content, whatever its outcome, if any. */
  public Optional<SubmissionReceipt> latest(String partnerId, String sha256) {
    return ledger.latest(partnerId, sha256);
  }

  private SubmissionReceipt ingestNew(Delivery delivery) {
    DeliveryFormat format = delivery.format().orElseThrow(() -> new IllegalArgumentException(
        "Channel passed a delivery of unknown format: " + delivery.sourceName()));
    // A refusal on either pass ends the delivery with a receipt; the re-read is the last try, never a retry.
    try {
      try {
        return ingestRows(delivery, format, null);
      } catch (EncodingChanged e) {
        LOG.info("Delivery is not UTF-8 beyond its first block; reading it again as Windows-1252");
        return ingestRows(delivery, format, CharsetSniffer.WINDOWS_1252);
      }
    } catch (DeliveryRefused e) {
      return publishRefusal(delivery, e.problem());
    }
  }

  private SubmissionReceipt ingestRows(Delivery delivery, DeliveryFormat format, Charset charset) {
    DeliveryKind kind = kindOf(delivery);
    ReceiptBuilder receipt = new ReceiptBuilder(delivery);
    List<Problem> problems = new ArrayList<>();
    try (EventTransaction tx = publisher.begin(delivery.dryRun())) {
      RowHandler rows = kind.begin(delivery, tx, receipt);
      RowSink sink = row -> {
        if (row.isBlank()) {
          return;
        }
        if (!row.cellProblems().isEmpty()) {
          problems.addAll(row.cellProblems());
        }
        ControlCharacters.check(row, kind.layout(), problems);
        if (problems.isEmpty() && rows.accept(row, problems)) {
          receipt.accepted();
        } else {
          problems.forEach(p -> tx.send(Topics.REJECTIONS, delivery.submissionId(), rejection(delivery, kind, p)));
          receipt.rejected(problems);
          problems.clear();
        }
      };
      read(delivery, kind.layout(), format, charset, sink);
      return commit(tx, delivery, receipt);
    }
  }

  /** The delivery this content repeats, as the kind counts repeats (see {@link DeliveryKind#everyContentOnce}). */
  private Optional<String> duplicateOf(Delivery delivery) {
    if (kindOf(delivery).everyContentOnce()) {
      // A repeat points at the first delivery; one that took nothing (all refused) may be tried again.
      return ledger.latest(delivery.partnerId(), delivery.sha256()).flatMap(earlier ->
          earlier.getStatus() == ReceiptStatus.DUPLICATE ? Optional.ofNullable(earlier.getDuplicateOf())
              : earlier.getAccepted() > 0 ? Optional.of(earlier.getSubmissionId()) : Optional.empty());
    }
    return ledger.current(delivery.partnerId(), delivery.kind().name())
        .filter(current -> current.getSha256().equals(delivery.sha256())).map(LedgerEntry::getSubmissionId);
  }

  private DeliveryKind kindOf(Delivery delivery) {
    DeliveryKind kind = kinds.get(delivery.kind());
    if (kind == null) {
      throw new IllegalStateException("No delivery kind " + delivery.kind() + " is configured");
    }
    return kind;
  }

  /**
   * Streams the rows of the delivery into the sink.
   *
   * @throws DeliveryRefused when the delivery cannot be read as a whole
   * @throws EncodingChanged when the sniffed character set of a text delivery turned out wrong
   */
  public static void read(Delivery delivery, Layout layout, DeliveryFormat format, Charset charset, RowSink sink) {
    try {
      switch (format) {
        case CSV -> stream(delivery, in -> new CsvRowReader(layout).read(in, charset, sink));
        case JSON -> stream(delivery, in -> new JsonRowReader(layout).read(in, sink));
        // A workbook is a zip, read by random access: it is opened as the spooled file itself, not as a stream.
        case XLSX -> new XlsxRowReader(layout).read(delivery.content(), sink);
      }
    } catch (CharacterCodingException e) {
      throw new EncodingChanged();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read delivery " + delivery.submissionId(), e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new EncodingChanged();
      }
      throw e;
    }
  }

  private static void stream(Delivery delivery, StreamReader reader) throws IOException {
    try (InputStream in = Files.newInputStream(delivery.content())) {
      reader.read(in);
    }
  }

  @FunctionalInterface
  private interface StreamReader {
    void read(InputStream in) throws IOException;
  }

  private SubmissionReceipt publishRefusal(Delivery delivery, Problem problem) {
    ReceiptBuilder receipt = new ReceiptBuilder(delivery);
    receipt.error(problem);
    try (EventTransaction tx = publisher.begin(delivery.dryRun())) {
      tx.send(Topics.REJECTIONS, delivery.submissionId(), rejection(delivery, kindOf(delivery), problem));
      return commit(tx, delivery, receipt);
    }
  }

  private SubmissionReceipt publish(Delivery delivery, SubmissionReceipt receipt) {
    try (EventTransaction tx = publisher.begin(delivery.dryRun())) {
      return commit(tx, delivery, receipt);
    }
  }

  private SubmissionReceipt commit(EventTransaction tx, Delivery delivery, ReceiptBuilder builder) {
    return commit(tx, delivery, builder.build(clock.instant()));
  }

  /** Sends the receipt and its ledger entry into the delivery's transaction and commits it. */
  private SubmissionReceipt commit(EventTransaction tx, Delivery delivery, SubmissionReceipt receipt) {
    tx.send(Topics.RECEIPTS, delivery.submissionId(), receipt);
    if (delivery.dryRun()) {
      tx.commit();
      return receipt;
    }
    LedgerEntry entry = ReceiptLedger.entryOf(receipt, delivery.kind().name());
    Future<RecordMetadata> written = tx.send(Topics.LEDGER, delivery.submissionId(), entry);
    try {
      tx.commit();
    } catch (PublishFailed e) {
      throw new CommitUnanswered(receipt, e);
    }
    ledger.record(receipt, entry, offsetOf(written));
    return receipt;
  }

  private static long offsetOf(Future<RecordMetadata> written) {
    try {
      // Complete: the commit returned only once Kafka acknowledged every record of the transaction.
      return written.get().offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("A committed record has no offset", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading a committed record's offset", e);
    }
  }

  private static Rejection rejection(Delivery delivery, DeliveryKind kind, Problem problem) {
    return Rejection.newBuilder()
        .setSubmissionId(delivery.submissionId())
        .setPartner(delivery.partnerId())
        .setSourceName(delivery.sourceName())
        .setLine(problem.line())
        .setField(problem.field())
        .setReasonCode(problem.code())
        .setMessage(problem.message())
        .setExcerpt(kind.layout().quotesText() ? problem.excerpt() : null)
        .setReceivedAt(delivery.receivedAt())
        .build();
  }

  private void count(SubmissionReceipt receipt) {
    meters.counter("wijkhub.deliveries", "channel", receipt.getChannel(), "status", receipt.getStatus().name())
        .increment();
    meters.counter("wijkhub.rows", "outcome", "accepted").increment(receipt.getAccepted());
    meters.counter("wijkhub.rows", "outcome", "rejected").increment(receipt.getRejected());
  }

  /** The commit of a delivery was attempted and failed or went unanswered: it may have been committed anyway. */
  private static final class CommitUnanswered extends RuntimeException {
    private final transient SubmissionReceipt receipt;

    CommitUnanswered(SubmissionReceipt receipt, PublishFailed cause) {
      super(cause.getMessage(), cause, false, false);
      this.receipt = receipt;
    }
  }

  /** Bytes past the sniffed block are not valid in the sniffed encoding; the delivery is read again. */
  public static final class EncodingChanged extends RuntimeException {
    EncodingChanged() {
      super(null, null, false, false);
    }
  }
}
