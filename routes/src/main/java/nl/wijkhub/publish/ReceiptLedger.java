package nl.wijkhub.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.LedgerStatus;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was ingested, read from the ledger topic (duplicates, idempotency keys, settling an uncertain commit) and the
 * receipts topic (receipts for the API), both read_committed. Because both are committed in the same transaction as
 * a delivery's rows, the topics are the truth: a hub killed after a commit finds the delivery here on restart and
 * neither publishes it again nor loses its receipt. Read from the start at start-up, then followed live by a thread
 * of its own, so that a hub sees what other hub instances committed.
 *
 * <p>The ledger has one partition, so its offsets are the order in which deliveries were committed, by any hub. A
 * partner's <em>current</em> delivery of a kind is the committed delivery with the highest ledger offset that is not
 * a duplicate, not a trial (trials are never written) and has at least one accepted row. Entries are applied by
 * offset, so the hub's own commits (applied at once) and the follower's replay of them agree in any order.
 */
public class ReceiptLedger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiptLedger.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final TopicPartition LEDGER = new TopicPartition(Topics.LEDGER.name(), 0);
  /** The kind of a withdrawal's ledger entry; its id is {@link #withdrawalIdOf} the withdrawn delivery's. */
  public static final String WITHDRAWAL = "WITHDRAWAL";
  private static final String WITHDRAWAL_PREFIX = "intrekking-";

  private final Supplier<Consumer<String, Object>> consumers;
  private final Duration lookupWait;
  private final Map<String, Applied> byId = new ConcurrentHashMap<>();
  private final Map<String, Applied> byIdempotencyKey = new ConcurrentHashMap<>();
  private final Map<String, Applied> byContent = new ConcurrentHashMap<>();
  private final Map<String, Applied> current = new ConcurrentHashMap<>();
  private final Map<String, SubmissionReceipt> receipts = new ConcurrentHashMap<>();
  /** Deliveries that were withdrawn: none of them is a partner's current delivery any more. */
  private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
  /** The next ledger offset a replay has not read yet. */
  private final AtomicLong replayedTo = new AtomicLong();
  private volatile boolean following;
  private Consumer<String, Object> follower;
  private Thread followerThread;

  /**
   * @param consumers read_committed consumers with the Avro deserializer
   * @param lookupWait longest {@link #catchUp()} may take
   */
  public ReceiptLedger(Supplier<Consumer<String, Object>> consumers, Duration lookupWait) {
    this.consumers = consumers;
    this.lookupWait = lookupWait;
  }

  /** Reads the ledger and receipts topics from the start up to their current end, then follows them live. */
  public void start() {
    follower = consumers.get();
    List<TopicPartition> partitions = Stream.of(Topics.LEDGER, Topics.RECEIPTS)
        .flatMap(t -> follower.partitionsFor(t.name()).stream())
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    follower.assign(partitions);
    follower.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = follower.endOffsets(partitions);
    while (partitions.stream().anyMatch(p -> follower.position(p) < end.get(p))) {
      replay(follower.poll(POLL));
    }
    LOG.info("Receipt ledger loaded: {} deliveries, {} receipts", byId.size(), receipts.size());
    following = true;
    followerThread = new Thread(this::follow, "receipt-ledger");
    followerThread.setDaemon(true);
    followerThread.start();
  }

  private void follow() {
    try {
      while (following) {
        try {
          replay(follower.poll(POLL));
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // The consumer reconnects by itself; a record it cannot decode is a bug to see, not to stop on.
          LOG.warn("Following the ledger failed, trying again: {}", e.toString());
        }
      }
    } catch (WakeupException e) {
      LOG.debug("Ledger follower stopped");
    } finally {
      follower.close();
    }
  }

  /**
   * Reads the ledger up to what Kafka has committed now, with a consumer of its own and within the lookup wait: after
   * this, every delivery committed before the call is known here, whichever hub committed it.
   *
   * @throws PublishFailed when Kafka does not answer in time
   */
  public void catchUp() {
    Instant deadline = Instant.now().plus(lookupWait);
    try (Consumer<String, Object> consumer = consumers.get()) {
      consumer.assign(List.of(LEDGER));
      consumer.seek(LEDGER, replayedTo.get());
      long end = consumer.endOffsets(List.of(LEDGER), lookupWait).get(LEDGER);
      while (consumer.position(LEDGER, remaining(deadline)) < end) {
        replay(consumer.poll(remaining(deadline)));
        if (Instant.now().isAfter(deadline)) {
          throw new PublishFailed("The ledger could not be read up to date within " + lookupWait, null);
        }
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new PublishFailed("Kafka did not answer the ledger lookup within " + lookupWait, e);
    }
  }

  private static Duration remaining(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void replay(ConsumerRecords<String, Object> records) {
    for (ConsumerRecord<String, Object> record : records) {
      if (record.value() instanceof LedgerEntry entry) {
        apply(entry, record.offset());
        replayedTo.accumulateAndGet(record.offset() + 1, Math::max);
      } else if (record.value() instanceof SubmissionReceipt receipt) {
        receipts.put(receipt.getSubmissionId(), receipt);
      }
    }
  }

  /** Remembers a delivery this hub just committed, with its ledger entry's offset. */
  public void record(SubmissionReceipt receipt, LedgerEntry entry, long offset) {
    remember(receipt);
    apply(entry, offset);
  }

  /** Keeps a committed delivery's receipt for the API before the follower reads it from the receipts topic. */
  public void remember(SubmissionReceipt receipt) {
    receipts.put(receipt.getSubmissionId(), receipt);
  }

  private void apply(LedgerEntry entry, long offset) {
    Applied applied = new Applied(entry, offset);
    byId.merge(entry.getSubmissionId(), applied, Applied::later);
    if (entry.getIdempotencyKey() != null) {
      byIdempotencyKey.merge(key(entry.getPartner(), entry.getIdempotencyKey()), applied, Applied::earlier);
    }
    byContent.merge(key(entry.getPartner(), entry.getSha256()), applied, Applied::later);
    if (WITHDRAWAL.equals(entry.getKind())) {
      withdrawn.add(entry.getSubmissionId().substring(WITHDRAWAL_PREFIX.length()));
    } else if (entry.getStatus() != LedgerStatus.DUPLICATE && entry.getAccepted() > 0) {
      current.merge(key(entry.getPartner(), entry.getKind()), applied, Applied::later);
    }
  }

  /** The ledger entry of a receipt, which keeps nothing the partner wrote but the file name. */
  public static LedgerEntry entryOf(SubmissionReceipt receipt, String kind) {
    return LedgerEntry.newBuilder()
        .setSubmissionId(receipt.getSubmissionId())
        .setPartner(receipt.getPartner())
        .setKind(kind)
        .setChannel(receipt.getChannel())
        .setSourceName(receipt.getSourceName())
        .setSha256(receipt.getSha256())
        .setIdempotencyKey(receipt.getIdempotencyKey())
        .setStatus(LedgerStatus.valueOf(receipt.getStatus().name()))
        .setAccepted(receipt.getAccepted())
        .setRejected(receipt.getRejected())
        .setDuplicateOf(receipt.getDuplicateOf())
        .setReceivedAt(receipt.getReceivedAt())
        .setCompletedAt(receipt.getCompletedAt())
        .build();
  }

  /**
   * The partner's current delivery of this kind (see the class comment), if any; none once it was withdrawn, so that
   * the same content delivered again is ingested again instead of answered as a duplicate.
   */
  public Optional<LedgerEntry> current(String partnerId, String kind) {
    return Optional.ofNullable(current.get(key(partnerId, kind))).map(Applied::entry)
        .filter(entry -> !withdrawn.contains(entry.getSubmissionId()));
  }

  /** The id of the withdrawal of a delivery: one per delivery, so withdrawing twice finds the first on the ledger. */
  public static String withdrawalIdOf(String submissionId) {
    return WITHDRAWAL_PREFIX + submissionId;
  }

  /** The receipt of the partner's latest committed delivery with this content, whatever its outcome. */
  public Optional<SubmissionReceipt> latest(String partnerId, String sha256) {
    return Optional.ofNullable(byContent.get(key(partnerId, sha256))).map(a -> receiptOf(a.entry()));
  }

  /** The receipt of the partner's earlier request with this Idempotency-Key, if any. */
  public Optional<SubmissionReceipt> byIdempotencyKey(String partnerId, String key) {
    return Optional.ofNullable(byIdempotencyKey.get(key(partnerId, key))).map(a -> receiptOf(a.entry()));
  }

  /** Whether a delivery is on the ledger, that is, committed. */
  public boolean isCommitted(String submissionId) {
    return byId.containsKey(submissionId);
  }

  /** A committed delivery's receipt. */
  public Optional<SubmissionReceipt> receipt(String submissionId) {
    return Optional.ofNullable(byId.get(submissionId)).map(a -> receiptOf(a.entry()));
  }

  /** What a committed delivery held (COUNTS, SIGNALS), from its ledger entry. */
  public Optional<String> kind(String submissionId) {
    return Optional.ofNullable(byId.get(submissionId)).map(a -> a.entry().getKind());
  }

  /** The partner's most recent receipts still on the receipts topic, newest first; a scan, as listing is rare. */
  public List<SubmissionReceipt> recent(String partnerId, int limit) {
    return receipts.values().stream().filter(r -> r.getPartner().equals(partnerId))
        .sorted(Comparator.comparing(SubmissionReceipt::getReceivedAt).reversed()
            .thenComparing(SubmissionReceipt::getSubmissionId))
        .limit(limit).toList();
  }

  /**
   * The receipt from the receipts topic, or, once that has passed its retention, the receipt rebuilt from the ledger
   * without its error messages.
   */
  private SubmissionReceipt receiptOf(LedgerEntry entry) {
    SubmissionReceipt receipt = receipts.get(entry.getSubmissionId());
    if (receipt != null) {
      return receipt;
    }
    return SubmissionReceipt.newBuilder()
        .setSubmissionId(entry.getSubmissionId())
        .setPartner(entry.getPartner())
        .setChannel(entry.getChannel())
        .setSourceName(entry.getSourceName())
        .setSha256(entry.getSha256())
        .setStatus(ReceiptStatus.valueOf(entry.getStatus().name()))
        .setAccepted(entry.getAccepted())
        .setRejected(entry.getRejected())
        .setErrors(List.of())
        .setErrorsOmitted(0)
        .setDuplicateOf(entry.getDuplicateOf())
        .setReceivedAt(entry.getReceivedAt())
        .setCompletedAt(entry.getCompletedAt())
        .setDryRun(false)
        .setIdempotencyKey(entry.getIdempotencyKey())
        .build();
  }

  @Override
  public void close() {
    following = false;
    if (followerThread != null) {
      follower.wakeup();
      try {
        followerThread.join(POLL.multipliedBy(4).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String key(String partnerId, String value) {
    return partnerId + '|' + value;
  }

  private record Applied(LedgerEntry entry, long offset) {

    static Applied later(Applied a, Applied b) {
      return b.offset > a.offset ? b : a;
    }

    static Applied earlier(Applied a, Applied b) {
      return b.offset < a.offset ? b : a;
    }
  }
}
