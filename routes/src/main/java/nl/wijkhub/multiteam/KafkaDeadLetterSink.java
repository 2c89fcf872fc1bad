package nl.wijkhub.multiteam;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the matcher's dead letters to {@link Topics#MATCH_DEAD_LETTERS} (a small JSON value: topic, partition,
 * offset, reason) and waits for the broker, counts them in the metric {@value #METRIC} by reason, and keeps the
 * count since start for the matcher's health.
 */
final class KafkaDeadLetterSink implements DeadLetter.Sink, AutoCloseable {

  static final String METRIC = "wijkhub.matches.dead.letters";
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final Producer<String, String> producer;
  private final Map<DeadLetter.Reason, Counter> counters = new EnumMap<>(DeadLetter.Reason.class);
  private final AtomicLong sinceStart = new AtomicLong();

  KafkaDeadLetterSink(KafkaSettings kafka, MeterRegistry meters) {
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer());
    for (DeadLetter.Reason reason : DeadLetter.Reason.values()) {
      counters.put(reason, Counter.builder(METRIC).description("Records the matcher skipped, by reason")
          .tag("reason", reason.name()).register(meters));
    }
  }

  @Override
  public void accept(DeadLetter letter) {
    String value = "{\"topic\":\"" + letter.topic() + "\",\"partition\":" + letter.partition() + ",\"offset\":"
        + letter.offset() + ",\"reason\":\"" + letter.reason() + "\"}";
    try {
      producer.send(new ProducerRecord<>(Topics.MATCH_DEAD_LETTERS.name(), letter.key(), value))
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dead-lettering " + letter.key(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot dead-letter " + letter.key(), e);
    }
    counters.get(letter.reason()).increment();
    sinceStart.incrementAndGet();
  }

  /** Dead letters written since the hub started. */
  long sinceStart() {
    return sinceStart.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
