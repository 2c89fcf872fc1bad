package nl.wijkhub.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a record the store could not take on {@link Topics#INDICATOR_DEAD_LETTERS}: the original key and value
 * bytes, and in headers the reason and where the record was. The send is acknowledged by every in-sync replica
 * before the caller goes on, so the consumer commits past a record only once its dead letter is safe.
 */
final class DeadLetters implements AutoCloseable {

  static final String REASON = "wijkhub.dead-letter.reason";
  static final String SOURCE_TOPIC = "wijkhub.dead-letter.topic";
  static final String SOURCE_PARTITION = "wijkhub.dead-letter.partition";
  static final String SOURCE_OFFSET = "wijkhub.dead-letter.offset";
  static final String FAILED_AT = "wijkhub.dead-letter.failed-at";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final long SEND_TIMEOUT_SECONDS = 60;

  private final Producer<String, byte[]> producer;
  private final MeterRegistry meters;

  DeadLetters(KafkaSettings kafka, MeterRegistry meters) {
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    this.meters = meters;
  }

  /** Sends the dead letter and waits for the broker; a failure is thrown, so the record is retried, not lost. */
  void send(SourceRecord record, String reason) {
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(Topics.INDICATOR_DEAD_LETTERS.name(), record.key(), record.value());
    Headers headers = letter.headers();
    headers.add(REASON, utf8(reason));
    headers.add(SOURCE_TOPIC, utf8(record.topic()));
    headers.add(SOURCE_PARTITION, utf8(String.valueOf(record.partition())));
    headers.add(SOURCE_OFFSET, utf8(String.valueOf(record.offset())));
    headers.add(FAILED_AT, utf8(Instant.now().toString()));
    try {
      producer.send(letter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending a dead letter", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot send the dead letter of " + record.position() + "; it will be retried",
          e);
    }
    counter(reason).increment();
    LOG.warn("The store could not take {} ({}); it is on {} until an operator replays it", record.position(), reason,
        Topics.INDICATOR_DEAD_LETTERS.name());
  }

  private Counter counter(String reason) {
    return Counter.builder("wijkhub.store.dead-letters").description("Records the store sent to the dead letters")
        .tag("reason", reason).register(meters);
  }

  static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
