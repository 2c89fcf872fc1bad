package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.wijkhub.embedded.ProducerPerformanceRunner.Result;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real broker and registry once, exercises both, and checks that closing leaves no process behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedStackIT {

  private static final String TRANSACTIONS_TOPIC = "transactions-it";
  private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private Path workDir;
  private EmbeddedStack stack;

  @BeforeAll
  void startStack(@TempDir Path workDir) throws IOException, InterruptedException {
    this.workDir = workDir;
    stack = EmbeddedStack.start(workDir);
  }

  @AfterAll
  void closingStopsBothChildProcesses() {
    if (stack == null) {
      return; // start-up failed, which @BeforeAll has reported
    }
    long brokerPid = stack.broker().pid();
    long registryPid = stack.registry().pid();

    stack.close();

    assertThat(stack.broker().isRunning()).isFalse();
    assertThat(stack.registry().isRunning()).isFalse();
    assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(ProcessHandle.of(registryPid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
    createTopic(TRANSACTIONS_TOPIC);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(transactionalProducerConfig())) {
      producer.initTransactions();
      inTransaction(producer, IntStream.range(0, 10).mapToObj(i -> "committed-" + i).toList());
      producer.beginTransaction();
      IntStream.range(0, 5).forEach(i -> producer.send(new ProducerRecord<>(TRANSACTIONS_TOPIC, "aborted-" + i)));
      producer.flush();
      producer.abortTransaction();
      inTransaction(producer, List.of("last"));
    }

    List<String> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readCommittedConsumerConfig())) {
      consumer.subscribe(Set.of(TRANSACTIONS_TOPIC));
      await().atMost(TIMEOUT).untilAsserted(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
        assertThat(received).contains("last");
      });
    }

    // One partition, so the order is the write order; aborted records would sit before "last".
    List<String> expected = new ArrayList<>(IntStream.range(0, 10).mapToObj(i -> "committed-" + i).toList());
    expected.add("last");
    assertThat(received).containsExactlyElementsOf(expected);
  }

  @Test
  void registryEnforcesBackwardCompatibility() throws Exception {
    String confluent = stack.registry().confluentApiUrl();

    assertThat(get(confluent + "/subjects").statusCode()).isEqualTo(200);
    assertThat(get(confluent + "/config").body()).contains("\"compatibilityLevel\":\"BACKWARD\"");
    assertThat(get(stack.registry().nativeApiUrl() + "/admin/rules/COMPATIBILITY").body())
        .contains("\"config\":\"BACKWARD\"");

    String subject = confluent + "/subjects/household-value/versions";
    assertThat(post(subject, schema("{\"name\":\"id\",\"type\":\"string\"}")).statusCode()).isEqualTo(200);
    // A new field without a default cannot be read from old data: refused under BACKWARD.
    assertThat(post(subject, schema("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"size\",\"type\":\"int\"}"))
        .statusCode()).isEqualTo(409);
    assertThat(post(subject,
        schema("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"size\",\"type\":\"int\",\"default\":1}"))
        .statusCode()).isEqualTo(200);
  }

  @Test
  void producerPerformanceReportsAPositiveRate() throws Exception {
    createTopic("performance-it");
    ProducerPerformanceRunner runner = new ProducerPerformanceRunner(RuntimeLayout.locate(),
        stack.broker().bootstrapServers(), workDir.resolve("perf"));

    Result result = runner.runTransactional("performance-it", 20_000, 120,
        Map.of("acks", "all", "linger.ms", "5", "compression.type", "lz4"), "performance-it", 1_000);

    assertThat(result.records()).isEqualTo(20_000);
    assertThat(result.recordsPerSec()).isPositive();
    assertThat(result.mbPerSec()).isPositive();
    assertThat(result.maxLatencyMs()).isGreaterThanOrEqualTo(result.avgLatencyMs());
  }

  private void createTopic(String name) throws Exception {
    Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
    try (Admin admin = Admin.create(config)) {
      admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private Map<String, Object> transactionalProducerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-stack-it",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
  }

  private Map<String, Object> readCommittedConsumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "embedded-stack-it",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
  }

  private static void inTransaction(KafkaProducer<String, String> producer, List<String> values) {
    producer.beginTransaction();
    values.forEach(value -> producer.send(new ProducerRecord<>(TRANSACTIONS_TOPIC, value)));
    producer.commitTransaction();
  }

  /** A Confluent API registration body for an Avro record with the given fields. */
  private static String schema(String fields) {
    String avro = "{\"type\":\"record\",\"name\":\"Household\",\"fields\":[" + fields + "]}";
    return "{\"schema\":\"" + avro.replace("\"", "\\\"") + "\"}";
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", CONFLUENT_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
