package nl.wijkhub.publish;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which content each partner already delivered, read from the receipts topic. Because a receipt is committed in the
 * same transaction as its rows, the topic is the truth: a hub killed after a commit finds the delivery here on
 * restart and neither publishes it again nor loses its receipt. Only deliveries that published rows count; content
 * that was wholly rejected may be delivered again and is judged again.
 */
public class ReceiptLedger {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiptLedger.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, SubmissionReceipt> byContent = new ConcurrentHashMap<>();
  private final Map<String, SubmissionReceipt> byId = new ConcurrentHashMap<>();
  private final Map<String, SubmissionReceipt> byIdempotencyKey = new ConcurrentHashMap<>();

  /** Reads the receipts topic from the start up to its current end. */
  public void load(Consumer<String, SubmissionReceipt> consumer) {
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.RECEIPTS.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<String, SubmissionReceipt> record : consumer.poll(POLL)) {
        record(record.value());
      }
    }
    LOG.info("Receipt ledger loaded: {} deliveries with published rows", byContent.size());
  }

  /** Remembers a committed receipt. */
  public void record(SubmissionReceipt receipt) {
    byId.put(receipt.getSubmissionId(), receipt);
    if (receipt.getIdempotencyKey() != null) {
      byIdempotencyKey.putIfAbsent(contentKey(receipt.getPartner(), receipt.getIdempotencyKey()), receipt);
    }
    if (receipt.getStatus() != ReceiptStatus.DUPLICATE && receipt.getAccepted() > 0) {
      byContent.putIfAbsent(contentKey(receipt.getPartner(), receipt.getSha256()), receipt);
    }
  }

  /** The receipt of the delivery that first published this content for this partner, if any. */
  public Optional<SubmissionReceipt> original(String partnerId, String sha256) {
    return Optional.ofNullable(byContent.get(contentKey(partnerId, sha256)));
  }

  /** The receipt of the partner's earlier request with this Idempotency-Key, if any. */
  public Optional<SubmissionReceipt> byIdempotencyKey(String partnerId, String key) {
    return Optional.ofNullable(byIdempotencyKey.get(contentKey(partnerId, key)));
  }

  public Optional<SubmissionReceipt> receipt(String submissionId) {
    return Optional.ofNullable(byId.get(submissionId));
  }

  /** The partner's most recent receipts, newest first; a scan, as listing is rare next to ingest. */
  public List<SubmissionReceipt> recent(String partnerId, int limit) {
    return byId.values().stream().filter(r -> r.getPartner().equals(partnerId))
        .sorted(Comparator.comparing(SubmissionReceipt::getReceivedAt).reversed()
            .thenComparing(SubmissionReceipt::getSubmissionId))
        .limit(limit).toList();
  }

  private static String contentKey(String partnerId, String value) {
    return partnerId + '|' + value;
  }
}
