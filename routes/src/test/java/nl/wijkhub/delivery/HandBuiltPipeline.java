package nl.wijkhub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.TopicProvisioner;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.util.unit.DataSize;

/**
 * A delivery pipeline built by hand on the shared broker and registry, for the ITs whose producer must do something
 * around {@code commitTransaction} (hold it at a gate, pause the broker): Kafka settings of the test's isolation,
 * the receipt ledger and the publisher, closed by {@link #close()}.
 */
final class HandBuiltPipeline implements AutoCloseable {

  private final Path files;
  private final MeterRegistry meters;
  private ReceiptLedger ledger;
  private SubmissionPublisher publisher;

  /** {@code files} is the test's data directory; {@code meters} receives the pipeline's meters. */
  HandBuiltPipeline(Path files, MeterRegistry meters) {
    this.files = files;
    this.meters = meters;
  }

  /** The hub's Kafka settings for this test's isolation, with {@code producerExtras} added to the producer's. */
  KafkaSettings settings(Map<String, String> producerExtras) {
    String isolation = TestInfrastructure.isolation();
    Map<String, String> hub = TestInfrastructure.hubProperties(files, isolation);
    String registry = TestInfrastructure.stack().registry().nativeApiUrl();
    Map<String, String> producer = new HashMap<>(Map.of(
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "nl.wijkhub.publish.CachedSchemaAvroSerializer",
        "apicurio.registry.url", registry,
        "apicurio.registry.auto-register", "true",
        "apicurio.registry.headers.enabled", "false",
        "apicurio.registry.as-confluent", "true",
        "apicurio.registry.use-id", "contentId"));
    producer.putAll(producerExtras);
    return new KafkaSettings(TestInfrastructure.stack().broker().bootstrapServers(),
        hub.get("wijkhub.kafka.registry-url"), isolation + "-ingest", Duration.ofMinutes(1), (short) 1,
        Duration.ofDays(400), Duration.ofSeconds(30), producer,
        Map.of(
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer", "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
            "apicurio.registry.url", registry,
            "apicurio.registry.headers.enabled", "false",
            "apicurio.registry.as-confluent", "true",
            "apicurio.registry.use-id", "contentId",
            "apicurio.registry.use-specific-avro-reader", "true"));
  }

  /**
   * Provisions the topics, starts the ledger and a publisher whose producers {@code producer} makes from the
   * settings' producer properties, and returns the pipeline for {@code kinds}.
   */
  DeliveryPipeline start(KafkaSettings settings,
      Function<Map<String, Object>, KafkaProducer<String, Object>> producer, List<DeliveryKind> kinds) {
    return start(settings, producer, kinds, Duration.ofMinutes(2));
  }

  /** As {@link #start(KafkaSettings, Function, List)}, with the longest a small delivery waits for its turn. */
  DeliveryPipeline start(KafkaSettings settings,
      Function<Map<String, Object>, KafkaProducer<String, Object>> producer, List<DeliveryKind> kinds,
      Duration maxWait) {
    TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", settings.bootstrapServers()), (short) 1,
        settings.excerptRetention());
    ledger = new ReceiptLedger(() -> new KafkaConsumer<>(settings.consumerProperties()), Duration.ofSeconds(30));
    ledger.start();
    publisher = new SubmissionPublisher(() -> producer.apply(settings.producerProperties()));
    publisher.initialise();
    return new DeliveryPipeline(kinds,
        new Admission(new DeliverySettings(DataSize.ofMegabytes(10), Duration.ofMinutes(2), 3)), publisher, ledger,
        Clock.systemUTC(), meters, maxWait, new FailedAttempts(3));
  }

  /** The observations on the indicators topic whose toelichting is {@code marker}. */
  static List<IndicatorObservation> observations(String marker) {
    return TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> marker.equals(o.getNote())).stream().map(r -> r.value()).toList();
  }

  @Override
  public void close() {
    if (publisher != null) {
      publisher.close();
    }
    if (ledger != null) {
      ledger.close();
    }
  }
}
