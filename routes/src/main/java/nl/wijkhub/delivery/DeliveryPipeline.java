package nl.wijkhub.delivery;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
 * The one path every delivery takes, whatever its channel and kind: deliveries take turns, idempotency and duplicate
 * checks, admission, rows read as a stream and handed to the delivery's {@link DeliveryKind}, and the kind's events
 * published with the rejections, the receipt and its ledger entry in one transaction. Content equal to the partner's
 * current delivery of its kind (see {@link ReceiptLedger}) gets a DUPLICATE receipt and nothing else; any other
 * content, an earlier delivery sent again included, is ingested as the newest revision. A delivery that cannot be
 * read as a whole is refused: nothing of it is published but the refusal and its receipt.
 *
 * <p>Group commit. A delivery of at most {@value #SHARED_MAX_BYTES} bytes (an API call, a signal) does not pay for a
 * Kafka transaction of its own: the small deliveries that wait while a turn is taken are ingested together in the
 * next turn and share one transaction. Each is admitted, read and validated (a signal pseudonymised and sealed) in
 * its caller's thread before it waits for the turn, its events held in memory ({@link StagedEvents}), so that this
 * work runs beside other deliveries instead of one after another. The turn keeps only what must see the ledger and
 * the other members: the idempotency and duplicate checks, and checking again a delivery whose rows were checked
 * against something another delivery may have changed since ({@link DeliveryKind.RowHandler#checkedAgainst}). Only
 * a delivery that got through whole joins the transaction, so one that fails or is refused never aborts another's
 * rows. Each is answered only after the shared commit; when Kafka fails, every member is not published (the API
 * answers 503, channels try again), and an unanswered commit is settled from the ledger for each member. Two
 * deliveries whose checks depend on each other never share a group: the later one waits for the next, and then sees
 * the earlier one committed. That is any two with one Idempotency-Key; for counts any two of one partner (a delivery
 * is checked against the partner's current one), for signals any two of one partner with the same content (a signal
 * is taken once); and any two checked against the same thing (a withdrawal and a correction of one signal in one
 * group would both pass, and the correction would bring the withdrawn signal back). Larger deliveries and trials
 * keep a turn and a transaction of their own, streamed, so that the heap never holds more than one of them.
 */
public class DeliveryPipeline {

  /** Largest delivery that shares a transaction: its events wait in memory until the group's commit. */
  static final long SHARED_MAX_BYTES = 64 * 1024;
  /** Most deliveries in one shared transaction, which bounds the memory the staged events take. */
  static final int GROUP_MAX = 100;

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);

  private final Map<Delivery.Kind, DeliveryKind> kinds = new EnumMap<>(Delivery.Kind.class);
  private final Admission admission;
  private final SubmissionPublisher publisher;
  private final ReceiptLedger ledger;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Timer ingestTime;
  private final Timer commitTime;
  private final DistributionSummary groupSize;
  /**
   * Fair, so that a delivery waiting long is not overtaken by later ones: large deliveries and the first waiting small
   * one queue for it; the other small ones wait for their answer (see {@link #tryTakeTurn}).
   */
  private final ReentrantLock turn = new ReentrantLock(true);
  /** Small deliveries waiting for a turn; whoever gets the turn first ingests those waiting as one group. */
  private final Queue<Member> waiting = new ConcurrentLinkedQueue<>();
  private final Duration maxWait;
  /** A commit went unanswered and Kafka could not yet tell whether it was committed; settled before the next check. */
  private volatile boolean unsettled;
  private final FailedAttempts attempts;
  private final Outlet ownTransaction = new OwnTransaction();

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
    this.commitTime = Timer.builder("wijkhub.ingest.commit").description("Time to publish and commit a transaction")
        .register(meters);
    this.groupSize = DistributionSummary.builder("wijkhub.ingest.group.size")
        .description("Deliveries sharing one transaction").register(meters);
    Gauge.builder("wijkhub.ingest.waiting", waiting, Queue::size)
        .description("Small deliveries staged and waiting for a group").register(meters);
  }

  /**
   * Ingests the delivery and returns its receipt once Kafka has acknowledged all of it. A delivery that cannot be
   * read at all (see {@link Admission}) is refused: its receipt and refusal are published, nothing else.
   */
  public SubmissionReceipt ingest(Delivery delivery) {
    // The duplicate and idempotency checks and the commit that records the receipt must not interleave with another
    // delivery's, or two retries of one request would both pass the checks and publish twice. Trials wait their turn
    // too, so that the heap never holds more than one delivery's reading state (an XLSX's shared strings).
    if (delivery.dryRun() || delivery.sizeBytes() > SHARED_MAX_BYTES) {
      awaitTurn();
      try {
        return ingestInTurn(delivery);
      } finally {
        releaseTurn();
      }
    }
    Member mine = new Member(delivery);
    prepare(mine);
    waiting.add(mine);
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (!mine.isAnswered()) {
      if (tryTakeTurn(mine, deadline)) {
        try {
          while (!mine.isAnswered()) {
            ingestGroup(drain());
          }
        } catch (RuntimeException | Error e) {
          // A group failed past its own handling. The failure goes to this caller as it was met (a poison delivery
          // must still be given up after its attempts), and the delivery leaves the queue, so that no later group
          // publishes what its caller was told failed; only a receipt it already had stands.
          waiting.remove(mine);
          if (!mine.hasReceipt()) {
            throw e;
          }
        } finally {
          releaseTurn();
        }
      } else if (!mine.awaitAnswerOrTurn(deadline - System.nanoTime())) {
        giveUp(mine);
        // A group took it already; it is answered once that group's commit is done.
        break;
      }
    }
    return mine.answer();
  }

  /**
   * Takes the turn when it is this member's to take: only the first waiting small delivery queues for it, fairly,
   * beside any large delivery, so that small deliveries keep their place among large ones. It drains itself first, so
   * no member is ever taken into a group while it is parked on the lock. The others wait for their answer instead,
   * since the group in progress or the next one may answer them. When every member queued for the lock, each
   * answered one had to be woken, given the lock and let go in turn before the next group could start: a context
   * switch per member, which under load added up on every answer.
   */
  private boolean tryTakeTurn(Member mine, long deadline) {
    if (waiting.peek() != mine) {
      return false;
    }
    try {
      return turn.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      giveUp(mine);
      return false;
    }
  }

  /**
   * A member that waited as long as it may, or was interrupted, is not published, unless a group took it already:
   * then it is answered after that group's commit.
   */
  private void giveUp(Member mine) {
    if (waiting.remove(mine)) {
      nudgeNext();
      throw new DeliveryNotPublished(Thread.currentThread().isInterrupted()
          ? "interrupted while waiting for its turn" : "another delivery is still being ingested after " + maxWait);
    }
  }

  /** Gives the turn up and wakes the first waiting member, which takes it for the next group. */
  private void releaseTurn() {
    turn.unlock();
    nudgeNext();
  }

  private void nudgeNext() {
    Member next = waiting.peek();
    if (next != null) {
      next.nudge();
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

  private List<Member> drain() {
    List<Member> group = new ArrayList<>();
    for (Member next; group.size() < GROUP_MAX && (next = waiting.poll()) != null; ) {
      group.add(next);
    }
    return group;
  }

  private SubmissionReceipt ingestInTurn(Delivery delivery) {
    try {
      if (unsettled) {
        settle();
      }
      Optional<SubmissionReceipt> earlier = retried(delivery);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      SubmissionReceipt receipt = ingestFresh(delivery, ownTransaction);
      ended(delivery, receipt);
      return receipt;
    } catch (CommitUnanswered e) {
      return afterUnansweredCommit(e);
    } catch (PublishFailed e) {
      throw new DeliveryNotPublished(e);
    } catch (RuntimeException e) {
      SubmissionReceipt receipt = giveUpOrRethrow(delivery, e, ownTransaction);
      count(receipt);
      return receipt;
    }
  }

  /**
   * The receipt of the partner's earlier request with this Idempotency-Key, if any.
   *
   * @throws IdempotencyKeyReused when that request had other content
   */
  private Optional<SubmissionReceipt> retried(Delivery delivery) {
    if (delivery.idempotencyKey() == null) {
      return Optional.empty();
    }
    Optional<SubmissionReceipt> earlier = ledger.byIdempotencyKey(delivery.partnerId(), delivery.idempotencyKey());
    if (earlier.isPresent()) {
      if (!earlier.get().getSha256().equals(delivery.sha256())) {
        throw new IdempotencyKeyReused(earlier.get());
      }
      LOG.info("Delivery {} by {} is a retry of {}: its receipt again", delivery.submissionId(),
          delivery.channel(), earlier.get().getSubmissionId());
    }
    return earlier;
  }

  /** Refused, a duplicate or ingested: the delivery's receipt, its events sent through {@code outlet}. */
  private SubmissionReceipt ingestFresh(Delivery delivery, Outlet outlet) {
    return ingestTime.record(() -> admission.refusal(delivery)
        .map(problem -> publishRefusal(delivery, problem, outlet))
        .or(() -> duplicateOf(delivery).map(original -> publish(delivery,
            new ReceiptBuilder(delivery).duplicateOf(original, clock.instant()), outlet)))
        .orElseGet(() -> ingestNew(delivery, outlet)));
  }

  /**
   * A delivery that failed: rethrown when another attempt may succeed, else given up with a refusal sent through
   * {@code outlet}.
   */
  private SubmissionReceipt giveUpOrRethrow(Delivery delivery, RuntimeException e, Outlet outlet) {
    if (FailedAttempts.isTransient(e) || !attempts.exhausted(delivery)) {
      throw e;
    }
    // Only the class: a message may quote the delivery's content.
    LOG.error("Delivery {} failed {} times ({}); given up with a receipt", delivery.submissionId(),
        attempts.maxAttempts(), e.getClass().getName());
    return publishRefusal(delivery, attempts.problem(), outlet);
  }

  /** A delivery has its receipt, committed. */
  private void ended(Delivery delivery, SubmissionReceipt receipt) {
    count(receipt);
    attempts.ended(delivery);
    LOG.info("Delivery {} by {}: {} ({} accepted, {} rejected{})", receipt.getSubmissionId(), receipt.getChannel(),
        receipt.getStatus(), receipt.getAccepted(), receipt.getRejected(), receipt.getDryRun() ? ", trial" : "");
  }

  /** Ingests {@code group} in shared transactions, until every member is answered. */
  private void ingestGroup(List<Member> group) {
    try {
      for (List<Member> next = group; !next.isEmpty(); ) {
        next = ingestShared(next);
      }
    } catch (RuntimeException | Error e) {
      // Only the class and the ids: a message may quote a delivery's content.
      LOG.error("A group of deliveries {} failed unexpectedly ({})", group.stream()
          .map(member -> member.delivery.submissionId()).toList(), e.getClass().getName());
      throw e;
    } finally {
      // Nobody may wait forever: a member still unanswered here met a failure the steps above did not expect.
      group.forEach(member -> member.fail(new DeliveryNotPublished("its group failed unexpectedly")));
    }
  }

  /**
   * Checks, reads and stages each member, then publishes those that got through in one transaction. Returns the
   * members that must wait for the next group, since their checks depend on a member of this one.
   */
  private List<Member> ingestShared(List<Member> group) {
    try {
      if (unsettled) {
        settle();
      }
    } catch (PublishFailed e) {
      group.forEach(member -> member.fail(new DeliveryNotPublished(e)));
      return List.of();
    }
    Set<String> claimed = new HashSet<>();
    List<Member> deferred = new ArrayList<>();
    List<Member> joined = new ArrayList<>();
    for (Member member : group) {
      List<String> claims = claims(member);
      if (claims.stream().anyMatch(claimed::contains)) {
        deferred.add(member);
        continue;
      }
      claimed.addAll(claims);
      if (joins(member)) {
        joined.add(member);
      }
    }
    if (!joined.isEmpty()) {
      publishShared(joined);
    }
    return deferred;
  }

  /**
   * What a member's checks depend on: its Idempotency-Key; what the duplicate check reads (for a kind that takes
   * every content once, the partner's earlier deliveries of this content; else the partner's current delivery of the
   * kind, which each of its deliveries replaces); and what its kind checked its rows against.
   */
  private List<String> claims(Member member) {
    Delivery delivery = member.delivery;
    Set<String> checkedAgainst = member.checkedAgainst();
    List<String> claims = new ArrayList<>(2 + checkedAgainst.size());
    if (delivery.idempotencyKey() != null) {
      claims.add("key\n" + delivery.partnerId() + '\n' + delivery.idempotencyKey());
    }
    DeliveryKind kind = kinds.get(delivery.kind());
    if (kind != null && kind.everyContentOnce()) {
      claims.add("content\n" + delivery.partnerId() + '\n' + delivery.sha256());
    } else {
      claims.add("partner\n" + delivery.partnerId() + '\n' + delivery.kind());
    }
    checkedAgainst.forEach(state -> claims.add("state\n" + delivery.kind() + '\n' + state));
    return claims;
  }

  /**
   * Admits, reads and stages a small delivery in its caller's thread, before it waits for its turn: nothing here
   * reads the ledger. A failure is kept for the turn, where a retry of an earlier request or a duplicate still gets
   * its receipt instead, as it would have without the staging.
   */
  private void prepare(Member member) {
    Delivery delivery = member.delivery;
    try {
      ingestTime.record(() -> {
        Optional<Problem> refusal = admission.refusal(delivery);
        if (refusal.isPresent()) {
          publishRefusal(delivery, refusal.get(), member);
          member.refused = true;
        } else {
          ingestNew(delivery, member);
        }
      });
    } catch (RuntimeException e) {
      member.failure = e;
    }
  }

  /**
   * The turn's part of a member, in the order {@link #ingestFresh} checks: an earlier request with its key, a refusal,
   * a duplicate, then its staged rows. True when it joins the transaction, false when answered.
   */
  private boolean joins(Member member) {
    Delivery delivery = member.delivery;
    try {
      Optional<SubmissionReceipt> earlier = retried(delivery);
      if (earlier.isPresent()) {
        member.answer(earlier.get());
        return false;
      }
      if (member.refused) {
        return true;
      }
      Optional<String> original = duplicateOf(delivery);
      if (original.isPresent()) {
        publish(delivery, new ReceiptBuilder(delivery).duplicateOf(original.get(), clock.instant()), member);
      } else if (member.failure != null) {
        throw member.failure;
      } else if (!member.checkedAgainst().isEmpty()) {
        // Its rows were checked against what an earlier group may have changed after the staging (a withdrawal of
        // the signal this one corrects): checked again now that every earlier group is committed. Rare: new
        // signals and counts check nothing of the kind.
        ingestTime.record(() -> ingestNew(delivery, member));
      }
      return true;
    } catch (PublishFailed e) {
      member.fail(new DeliveryNotPublished(e));
    } catch (RuntimeException e) {
      try {
        giveUpOrRethrow(delivery, e, member);
        return true;
      } catch (RuntimeException failure) {
        member.fail(failure);
      }
    }
    return false;
  }

  /** One transaction for every joined member's events, receipt and ledger entry; each answered after the commit. */
  private void publishShared(List<Member> joined) {
    groupSize.record(joined.size());
    try {
      commitTime.record(() -> {
        try (EventTransaction tx = publisher.begin(false)) {
          for (Member member : joined) {
            member.staged.sendInto(tx);
            tx.send(Topics.RECEIPTS, member.delivery.submissionId(), member.receipt);
            member.entry = ReceiptLedger.entryOf(member.receipt, member.delivery.kind().name());
            member.written = tx.send(Topics.LEDGER, member.delivery.submissionId(), member.entry);
          }
          try {
            tx.commit();
          } catch (PublishFailed e) {
            throw new CommitUnanswered(null, e);
          }
        }
      });
    } catch (CommitUnanswered e) {
      settleShared(joined, e);
      return;
    } catch (PublishFailed e) {
      joined.forEach(member -> member.fail(new DeliveryNotPublished(e)));
      return;
    }
    for (Member member : joined) {
      member.committed();
      ledger.record(member.receipt, member.entry, offsetOf(member.written));
      ended(member.delivery, member.receipt);
      member.answer(member.receipt);
    }
  }

  /** As {@link #afterUnansweredCommit}, for every member of a shared transaction: all of it or none was committed. */
  private void settleShared(List<Member> joined, CommitUnanswered unanswered) {
    try {
      settle();
    } catch (PublishFailed e) {
      LOG.warn("A shared commit of {} deliveries went unanswered and Kafka cannot tell yet whether it was committed",
          joined.size());
      joined.forEach(member -> member.fail(new DeliveryNotPublished(unanswered.getCause())));
      return;
    }
    for (Member member : joined) {
      if (ledger.isCommitted(member.delivery.submissionId())) {
        ledger.remember(member.receipt);
        meters.counter("wijkhub.commits.settled", "outcome", "committed").increment();
        count(member.receipt);
        member.answer(member.receipt);
      } else {
        member.fail(new DeliveryNotPublished(unanswered.getCause()));
      }
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

  private SubmissionReceipt ingestNew(Delivery delivery, Outlet outlet) {
    DeliveryFormat format = delivery.format().orElseThrow(() -> new IllegalArgumentException(
        "Channel passed a delivery of unknown format: " + delivery.sourceName()));
    // A refusal on either pass ends the delivery with a receipt; the re-read is the last try, never a retry.
    try {
      try {
        return ingestRows(delivery, format, null, outlet);
      } catch (EncodingChanged e) {
        LOG.info("Delivery is not UTF-8 beyond its first block; reading it again as Windows-1252");
        return ingestRows(delivery, format, CharsetSniffer.WINDOWS_1252, outlet);
      }
    } catch (DeliveryRefused e) {
      return publishRefusal(delivery, e.problem(), outlet);
    }
  }

  private SubmissionReceipt ingestRows(Delivery delivery, DeliveryFormat format, Charset charset, Outlet outlet) {
    DeliveryKind kind = kindOf(delivery);
    ReceiptBuilder receipt = new ReceiptBuilder(delivery);
    List<Problem> problems = new ArrayList<>();
    try (EventTransaction tx = outlet.begin(delivery)) {
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
      SubmissionReceipt finished = outlet.finish(tx, delivery, receipt.build(clock.instant()));
      outlet.finished(delivery, rows);
      return finished;
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

  private SubmissionReceipt publishRefusal(Delivery delivery, Problem problem, Outlet outlet) {
    ReceiptBuilder receipt = new ReceiptBuilder(delivery);
    receipt.error(problem);
    try (EventTransaction tx = outlet.begin(delivery)) {
      tx.send(Topics.REJECTIONS, delivery.submissionId(), rejection(delivery, kindOf(delivery), problem));
      return outlet.finish(tx, delivery, receipt.build(clock.instant()));
    }
  }

  private SubmissionReceipt publish(Delivery delivery, SubmissionReceipt receipt, Outlet outlet) {
    try (EventTransaction tx = outlet.begin(delivery)) {
      return outlet.finish(tx, delivery, receipt);
    }
  }

  /** Where a delivery's events go: a transaction of its own, or its share of a group's. */
  private interface Outlet {

    EventTransaction begin(Delivery delivery);

    /** After {@link #finish}: the kind's rows of the delivery, to be told of the commit. */
    void finished(Delivery delivery, RowHandler rows);

    /** Ends the delivery's part of {@code tx} with its receipt; returns the receipt. */
    SubmissionReceipt finish(EventTransaction tx, Delivery delivery, SubmissionReceipt receipt);
  }

  /** The delivery's own transaction, committed with its receipt and ledger entry at once. */
  private final class OwnTransaction implements Outlet {

    @Override
    public EventTransaction begin(Delivery delivery) {
      return publisher.begin(delivery.dryRun());
    }

    /** Sends the receipt and its ledger entry into the delivery's transaction and commits it. */
    @Override
    public SubmissionReceipt finish(EventTransaction tx, Delivery delivery, SubmissionReceipt receipt) {
      tx.send(Topics.RECEIPTS, delivery.submissionId(), receipt);
      if (delivery.dryRun()) {
        tx.commit();
        return receipt;
      }
      LedgerEntry entry = ReceiptLedger.entryOf(receipt, delivery.kind().name());
      Future<RecordMetadata> written = tx.send(Topics.LEDGER, delivery.submissionId(), entry);
      try {
        commitTime.record(tx::commit);
      } catch (PublishFailed e) {
        throw new CommitUnanswered(receipt, e);
      }
      ledger.record(receipt, entry, offsetOf(written));
      return receipt;
    }

    /** {@link #finish} has committed, unless a trial. */
    @Override
    public void finished(Delivery delivery, RowHandler rows) {
      if (!delivery.dryRun()) {
        tellCommitted(delivery, rows);
      }
    }
  }

  /**
   * A small delivery waiting to be ingested with others: its staged events and receipt once it has been read, and
   * the answer its caller waits for. Its outlet stages: a second read (another character set, or again in the turn)
   * starts afresh. Filled in its caller's thread before it is queued, and after that only by whoever has the turn.
   */
  private static final class Member implements Outlet {

    /** Longest a waiting member sleeps before it looks at its answer and the turn again. */
    private static final Duration RECHECK = Duration.ofMillis(100);

    private final Delivery delivery;
    private final CompletableFuture<SubmissionReceipt> outcome = new CompletableFuture<>();
    /** Released when it is answered and when it is nudged to take the turn. */
    private final Semaphore wake = new Semaphore(0);
    /** Refused at admission when it was staged: nothing in the turn can change that. */
    private boolean refused;
    /** How staging failed, handled in the turn. */
    private RuntimeException failure;
    /** The kind's rows of the delivery, once read whole. */
    private RowHandler rows;
    private StagedEvents staged;
    private SubmissionReceipt receipt;
    private LedgerEntry entry;
    private Future<RecordMetadata> written;

    Member(Delivery delivery) {
      this.delivery = delivery;
    }

    @Override
    public EventTransaction begin(Delivery delivery) {
      staged = new StagedEvents();
      rows = null;
      return staged;
    }

    @Override
    public void finished(Delivery delivery, RowHandler rows) {
      this.rows = rows;
    }

    /** What its rows were checked against that another delivery may change (see {@link RowHandler}). */
    Set<String> checkedAgainst() {
      return rows == null ? Set.of() : rows.checkedAgainst();
    }

    /** After the shared commit: its kind learns of it. */
    void committed() {
      staged.committed();
      if (rows != null) {
        tellCommitted(delivery, rows);
      }
    }

    @Override
    public SubmissionReceipt finish(EventTransaction tx, Delivery delivery, SubmissionReceipt receipt) {
      this.receipt = receipt;
      return receipt;
    }

    boolean isAnswered() {
      return outcome.isDone();
    }

    void answer(SubmissionReceipt receipt) {
      outcome.complete(receipt);
      wake.release();
    }

    /** Answered with a receipt, not with a failure. */
    boolean hasReceipt() {
      return outcome.isDone() && !outcome.isCompletedExceptionally();
    }

    /** Fails the member unless it was answered already. */
    void fail(RuntimeException failure) {
      if (outcome.completeExceptionally(failure)) {
        wake.release();
      }
    }

    /** The turn was given up while it waited: it may take it for the next group. */
    void nudge() {
      wake.release();
    }

    /**
     * Waits until it is answered or nudged, at most {@code nanos}, and never longer than {@link #RECHECK} at a time:
     * the turn may come free without a nudge for it (a large delivery that gave up queueing, a nudge to a member that
     * was drained at that moment), and a member must then not wait until its deadline. False once {@code nanos} ran
     * out.
     */
    boolean awaitAnswerOrTurn(long nanos) {
      if (nanos <= 0) {
        return false;
      }
      try {
        wake.tryAcquire(Math.min(nanos, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** Waits for the answer; a failure is thrown as it was met, so that channels tell its kind as before. */
    SubmissionReceipt answer() {
      try {
        return outcome.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw e;
      }
    }
  }

  /**
   * Tells the kind its delivery is committed. What a kind keeps is a shortcut to what Kafka will show it anyway, so a
   * failure here must not turn a committed delivery into a failed one.
   */
  private static void tellCommitted(Delivery delivery, RowHandler rows) {
    try {
      rows.committed();
    } catch (RuntimeException e) {
      LOG.warn("Delivery {}: its kind could not note the commit ({}); it reads it from Kafka instead",
          delivery.submissionId(), e.getClass().getName());
    }
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
