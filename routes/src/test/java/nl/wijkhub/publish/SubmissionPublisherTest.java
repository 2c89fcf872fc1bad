package nl.wijkhub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A delivery's transaction against Kafka's own MockProducer (the broker itself is exercised by the integration
 * tests): order kept, everything sent before the commit, and a failure stops the delivery and aborts.
 */
class SubmissionPublisherTest {

  private static final Topic<String> TOPIC = new Topic<>("t", String.class, 1, Topic.Lifetime.EXCERPTS);

  private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
      (Serializer<Object>) (topic, value) -> String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  private final SubmissionPublisher publisher = new SubmissionPublisher(() -> producer);

  @Test
  void everyRecordIsSentInOrderBeforeTheCommit() {
    try (SubmissionPublisher.EventTransaction tx = publisher.begin(false)) {
      IntStream.range(0, 20_000).forEach(i -> tx.send(TOPIC, "k" + i, "v" + i));
      tx.commit();
    }

    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history()).hasSize(20_000);
    assertThat(producer.history().get(0).key()).isEqualTo("k0");
    assertThat(producer.history().get(19_999).key()).isEqualTo("k19999");
  }

  @Test
  void aFailedSendFailsTheCommitAndTheTransactionIsAborted() {
    SubmissionPublisher.EventTransaction tx = publisher.begin(false);
    producer.sendException = new KafkaException("broker gone");

    assertThatThrownBy(() -> {
      tx.send(TOPIC, "k", "v");
      tx.commit();
    }).isInstanceOf(PublishFailed.class).hasRootCauseMessage("broker gone");
    tx.close();

    assertThat(producer.transactionCommitted()).isFalse();
    assertThat(producer.transactionAborted()).isTrue();
  }

  @Test
  void closingWithoutCommitAbortsAndLeavesThePublisherUsable() {
    try (SubmissionPublisher.EventTransaction tx = publisher.begin(false)) {
      tx.send(TOPIC, "k", "v");
    }
    assertThat(producer.transactionAborted()).isTrue();

    try (SubmissionPublisher.EventTransaction tx = publisher.begin(false)) {
      tx.send(TOPIC, "k", "again");
      tx.commit();
    }
    assertThat(producer.transactionCommitted()).isTrue();
  }
}
