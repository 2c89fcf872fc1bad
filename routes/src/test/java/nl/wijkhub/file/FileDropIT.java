package nl.wijkhub.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryKind;
import nl.wijkhub.delivery.FailedAttempts;
import nl.wijkhub.delivery.Layout;
import nl.wijkhub.delivery.ReceiptNotes;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.DropFolderDriver;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The drop folder end to end, on the real broker, registry and PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class FileDropIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-file-drop-it");
  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort
  int port;

  @Autowired
  ObservationStore store;

  private final DropFolderDriver partner = new DropFolderDriver(DATA);

  @Test
  void validDeliveryIsPublishedStoredAndReceipted() throws IOException {
    String run = UUID.randomUUID().toString();
    partner.deliver("dbieb", "tellingen.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;run " + run + "\n"
        + "basisvaardigheden-deelnemers;heechterp;2024;62;\n");

    JsonNode receipt = partner.awaitReceipt("dbieb", "tellingen.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(receipt.get("accepted").asLong()).isEqualTo(2);
    assertThat(receipt.get("errors")).isEmpty();
    assertThat(Files.readString(partner.receiptJson("dbieb", "tellingen.csv").resolveSibling("tellingen.csv.receipt.txt")))
        .contains("geaccepteerd: alle regels zijn verwerkt", id);
    assertThat(partner.archived("dbieb", id, "tellingen.csv")).exists();
    assertThat(partner.inboxFile("dbieb", "tellingen.csv")).doesNotExist();

    List<ConsumerRecord<String, IndicatorObservation>> published =
        TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class, o -> o.getSubmissionId().equals(id));
    assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
        "leeuwarden-oost|taalmaatjes-gekoppeld|bilgaard|2024",
        "leeuwarden-oost|basisvaardigheden-deelnemers|heechterp-schieringen|2024");
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSubmissionId().equals(id))).hasSize(1);

    JsonNode stored = awaitObservations("?programme=leeuwarden-oost&indicator=taalmaatjes-gekoppeld&wijk=bilgaard"
        + "&periode=2024", rows -> rows.size() == 1
        && rows.get(0).get("partners").get(0).get("submissionId").asString().equals(id));
    assertThat(stored.get(0).get("value").asDouble()).isEqualTo(7.0);
    assertThat(stored.get(0).get("partners").get(0).get("note").asString()).isEqualTo("run " + run);
    assertThat(stored.get(0).get("unit").asString()).isEqualTo("koppels");
  }

  @Test
  void invalidRowsAreRejectedWithLineFieldAndReasonWhileValidRowsGoThrough() {
    String run = UUID.randomUUID().toString();
    partner.deliver("dbieb", "met-fouten.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024-Q1;3;run " + run + "\n"
        + "taalmaatjes-gekoppeld;Bilgaardt;2024-Q1;3;\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2024-Q1;-1;\n"
        + "basisvaardigheden-deelnemers;Bilgaard;2024-Q1;1.521;\n");

    JsonNode receipt = partner.awaitReceipt("dbieb", "met-fouten.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(receipt.get("accepted").asLong()).isEqualTo(1);
    assertThat(receipt.get("rejected").asLong()).isEqualTo(3);
    assertThat(receipt.get("errors").valueStream().map(e -> e.get("line").asLong() + " " + e.get("field").asString()
        + " " + e.get("code").asString()))
        .containsExactly("3 wijk WIJK_ONBEKEND", "4 waarde WAARDE_NEGATIEF", "5 waarde WAARDE_DUBBELZINNIG");
    assertThat(TopicReader.committed(Topics.REJECTIONS.name(), Rejection.class, r -> r.getSubmissionId().equals(id)))
        .extracting(r -> r.value().getLine() + " " + r.value().getReasonCode())
        .containsExactlyInAnyOrder("3 WIJK_ONBEKEND", "4 WAARDE_NEGATIEF", "5 WAARDE_DUBBELZINNIG");
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).hasSize(1);
  }

  @Test
  void signalsInTheSignalenFolderAreRoutedReceiptedAndTheFileIsDeletedNotArchived() throws IOException {
    String day = java.time.LocalDate.now().minusDays(1).toString();
    String content = "soort;bsn;naam;wijk;datum;professional;contact\n"
        + "huurachterstand;123456782;Grietje Bosma;Bilgaard;" + day + ";W. Corporatie;058-2\n"
        + "huurachterstand;123456783;Grietje Bosma;Bilgaard;" + day + ";W. Corporatie;058-2\n";
    // Named after the person, as a partner might: the name reaches neither the receipt nor the outbox.
    Path file = partner.deliverSignals("elkien", "huurachterstand-grietje-bosma.csv", content);
    String label = "signalen-" + nl.wijkhub.delivery.Spool.sha256(content.getBytes(StandardCharsets.UTF_8))
        .substring(0, 12) + ".csv";

    JsonNode receipt = partner.awaitReceipt("elkien", label);

    assertThat(receipt.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(receipt.get("sourceName").asString()).isEqualTo(label);
    assertThat(receipt.get("references")).hasSize(1);
    assertThat(receipt.get("errors").get(0).get("code").asString()).isEqualTo("BSN_ONGELDIG");
    assertThat(receipt.toString()).doesNotContain("12345678", "Grietje", "grietje");
    await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(file));
    assertThat(partner.archived("elkien", receipt.get("submissionId").asString(), file.getFileName().toString()))
        .doesNotExist();
    assertThat(quarantined()).noneMatch(name -> name.contains("signalen") || name.contains("grietje"));
    try (var outbox = Files.list(partner.receiptJson("elkien", label).getParent())) {
      assertThat(outbox.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("grietje"));
    }
  }

  @Test
  void aTrialInTheProefFolderGetsTheFullReceiptThereAndPublishesNothing() throws IOException {
    String run = UUID.randomUUID().toString();
    partner.deliverTrial("dbieb", "proef.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;proef " + run + "\n"
        + "taalmaatjes-gekoppeld;Bilgaardt;2024;3;\n");

    Path receiptFile = DATA.resolve("outbox/dbieb/proef/proef.csv.receipt.json");
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receiptFile));
    JsonNode receipt = JSON.readTree(Files.readString(receiptFile));
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("dryRun").asBoolean()).isTrue();
    assertThat(receipt.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(receipt.get("errors").get(0).get("code").asString()).isEqualTo("WIJK_ONBEKEND");
    assertThat(receiptFile.resolveSibling("proef.csv.receipt.txt")).content().contains("proefaanlevering");
    assertThat(partner.receiptJson("dbieb", "proef.csv")).doesNotExist();
    // The receipt is written before the file is moved (a crash in between keeps the file and its receipt), so the
    // archive is awaited, not expected at the same instant.
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(partner.archived("dbieb", id, "proef.csv")));
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSubmissionId().equals(id))).isEmpty();
  }

  @Test
  void sameContentUnderAnotherNameIsADuplicateAndNotIngestedTwice() {
    String content = HEADER + "taalmaatjes-gekoppeld;Oud Oost;2024;4;run " + UUID.randomUUID() + "\n";
    partner.deliver("dbieb", "eerste.csv", content);
    String first = partner.awaitReceipt("dbieb", "eerste.csv").get("submissionId").asString();

    partner.deliver("dbieb", "tweede.csv", content);
    JsonNode second = partner.awaitReceipt("dbieb", "tweede.csv");

    assertThat(second.get("status").asString()).isEqualTo("DUPLICATE");
    assertThat(second.get("duplicateOf").asString()).isEqualTo(first);
    assertThat(second.get("accepted").asLong()).isZero();
    String secondId = second.get("submissionId").asString();
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(secondId))).isEmpty();
    assertThat(partner.archived("dbieb", secondId, "tweede.csv")).exists();
  }

  @Test
  void aCorrectionReplacesTheCurrentValueAndTheHistoryKeepsBoth() {
    partner.deliver("dbieb", "q2.csv", HEADER + "taalmaatjes-gekoppeld;Bilgaard;2023-Q2;5;eerste\n");
    partner.awaitReceipt("dbieb", "q2.csv");
    partner.deliver("dbieb", "q2-correctie.csv", HEADER + "taalmaatjes-gekoppeld;Bilgaard;2023-Q2;6;correctie\n");
    String correction = partner.awaitReceipt("dbieb", "q2-correctie.csv").get("submissionId").asString();

    JsonNode current = awaitObservations("?indicator=taalmaatjes-gekoppeld&wijk=bilgaard&periode=2023-Q2",
        rows -> rows.size() == 1
            && rows.get(0).get("partners").get(0).get("submissionId").asString().equals(correction));
    assertThat(current.get(0).get("value").asDouble()).isEqualTo(6.0);
    assertThat(store.history("leeuwarden-oost", "taalmaatjes-gekoppeld", "bilgaard", "2023-Q2"))
        .extracting(o -> o.value()).containsExactly(5.0, 6.0);
  }

  @Test
  void filesThatCannotBeReadGoToQuarantineWithAReason() throws IOException {
    partner.deliver("geen-partner", "tellingen.csv", HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;1;\n");
    partner.deliver("dbieb", "leeg.csv", new byte[0]);
    partner.deliver("dbieb", "tellingen.pdf", "%PDF-1.4");

    assertThat(partner.awaitReceipt("dbieb", "leeg.csv").get("errors").get(0).get("code").asString())
        .isEqualTo("BESTAND_LEEG");
    assertThat(partner.awaitReceipt("dbieb", "tellingen.pdf").get("errors").get(0).get("code").asString())
        .isEqualTo("FORMAAT_ONBEKEND");
    // Other tests quarantine files in the same folder: wait for these three and their reasons.
    await().atMost(Duration.ofSeconds(30)).until(() -> quarantined().stream().filter(name -> name.contains(
        "geen-partner-tellingen.csv") || name.contains("dbieb-leeg.csv") || name.contains("dbieb-tellingen.pdf"))
        .count() == 6);
    assertThat(quarantined()).anySatisfy(name -> assertThat(name).endsWith("geen-partner-tellingen.csv"))
        .anySatisfy(name -> assertThat(name).endsWith("dbieb-leeg.csv"))
        .anySatisfy(name -> assertThat(name).endsWith("dbieb-tellingen.pdf"));
    Path reason = Files.list(partner.quarantine()).filter(p -> p.toString().endsWith("geen-partner-tellingen.csv"
        + ".reden.txt")).findFirst().orElseThrow();
    assertThat(Files.readString(reason)).contains("geen-partner", "bekende partner");
  }

  @Test
  void aDeliveryThatFailsTheSameWayOnEveryAttemptIsGivenUpIntoQuarantineWithAReasonAndAReceipt() throws IOException {
    partner.deliver("dbieb", "defect.csv", HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;4;" + HubDefect.MARKER + "\n");

    JsonNode receipt = partner.awaitReceipt("dbieb", "defect.csv");

    assertThat(receipt.get("status").asString()).isEqualTo("REJECTED");
    assertThat(receipt.get("errors").valueStream().map(e -> e.get("code").asString()))
        .containsExactly(FailedAttempts.GIVEN_UP);
    assertThat(HubDefect.FAILURES).as("attempts before giving up (max-failed-attempts)").hasValue(3);
    await().atMost(Duration.ofSeconds(30)).until(() -> quarantined().stream()
        .filter(name -> name.endsWith("dbieb-defect.csv") || name.endsWith("dbieb-defect.csv.reden.txt")).count() == 2);
    Path reason = Files.list(partner.quarantine()).filter(p -> p.toString().endsWith("dbieb-defect.csv.reden.txt"))
        .findFirst().orElseThrow();
    assertThat(Files.readString(reason)).contains("pogingen niet verwerken").doesNotContain(HubDefect.MARKER);
    assertThat(partner.inboxFile("dbieb", "defect.csv")).doesNotExist();
  }

  @Test
  void aFileInTheInboxRootOrNestedTooDeepGoesToQuarantineWithAReason() throws IOException {
    Path root = write(DATA.resolve("inbox").resolve("los-" + UUID.randomUUID() + ".csv"));
    Path deep = write(DATA.resolve("inbox").resolve("dbieb").resolve("proef").resolve("2024")
        .resolve("diep-" + UUID.randomUUID() + ".csv"));

    Path rootReason = awaitQuarantined(root.getFileName() + ".reden.txt");
    Path deepReason = awaitQuarantined(deep.getFileName() + ".reden.txt");

    assertThat(Files.readString(rootReason)).contains("direct in de map inbox/");
    assertThat(Files.readString(deepReason)).contains("'dbieb/proef/2024' wordt niet gelezen");
    assertThat(root).doesNotExist();
    assertThat(deep).doesNotExist();
  }

  @Test
  void aSymbolicLinkIsQuarantinedWithoutFollowingIt() throws IOException {
    Path target = write(TestInfrastructure.tempDir("wijkhub-elders").resolve("geheim.csv"));
    String name = "link-" + UUID.randomUUID() + ".csv";
    Path link = Files.createSymbolicLink(DATA.resolve("inbox").resolve("dbieb").resolve(name), target);

    Path reason = awaitQuarantined(name + ".reden.txt");

    assertThat(Files.readString(reason)).contains("symbolische koppeling");
    assertThat(link).doesNotExist();
    assertThat(Files.isSymbolicLink(reason.resolveSibling(reason.getFileName().toString().replace(".reden.txt", ""))))
        .isTrue();
    assertThat(target).exists();
    assertThat(partner.receiptJson("dbieb", name)).doesNotExist();
  }

  @Test
  void aFileStillBeingWrittenUnderATemporaryNameIsIgnoredUntilItIsRenamed() throws IOException {
    String name = "hernoemd-" + UUID.randomUUID() + ".csv";
    Path inbox = DATA.resolve("inbox").resolve("dbieb");
    Path part = Files.writeString(inbox.resolve(name + ".part"), HEADER + "taalmaatjes-gekoppeld;Bilgaard;2022;3;"
        + name + "\n");
    Path dotFile = Files.writeString(inbox.resolve("." + name), HEADER);
    // A later delivery's receipt proves the hub scanned the folder since the two were written.
    partner.deliver("dbieb", "daarna-" + name, HEADER + "taalmaatjes-gekoppeld;Bilgaard;2022;4;" + name + "\n");
    partner.awaitReceipt("dbieb", "daarna-" + name);

    assertThat(part).exists();
    assertThat(dotFile).exists();
    Files.delete(dotFile);
    Files.move(part, inbox.resolve(name));
    assertThat(partner.awaitReceipt("dbieb", name).get("status").asString()).isEqualTo("ACCEPTED");
  }

  private static Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;1;\n");
  }

  private Path awaitQuarantined(String suffix) throws IOException {
    await().atMost(Duration.ofSeconds(30)).until(() -> quarantined().stream().anyMatch(n -> n.endsWith(suffix)));
    return quarantined().stream().filter(n -> n.endsWith(suffix)).map(partner.quarantine()::resolve).findFirst()
        .orElseThrow();
  }

  @Test
  void aConsumerThatKnowsOnlyTheConfluentWireFormatDecodesWhatTheHubWrote() throws Exception {
    String run = "wire " + UUID.randomUUID();
    partner.deliver("dbieb", "wire.csv", HEADER + "taalmaatjes-gekoppeld;Bilgaard;2022;11;" + run + "\n");
    partner.awaitReceipt("dbieb", "wire.csv");

    Map<Integer, Schema> schemas = new HashMap<>();
    List<GenericRecord> decoded = TopicReader.raw(Topics.INDICATORS.name(), "read_committed").stream()
        .map(record -> decodeConfluent(record.value(), schemas)).toList();

    assertThat(decoded).filteredOn(r -> run.equals(String.valueOf(r.get("note")))).singleElement()
        .satisfies(r -> {
          assertThat(r.get("wijk")).hasToString("bilgaard");
          assertThat(r.get("value")).isEqualTo(11.0);
          assertThat(r.getSchema().getFullName()).isEqualTo("nl.wijkhub.events.IndicatorObservation");
        });
  }

  @Test
  void healthIsUpWhenKafkaTheRegistryAndTheStoreAreReachable() throws Exception {
    // Readiness is OUT_OF_SERVICE (503) until every Camel consumer has polled once after start-up.
    HttpResponse<String> response = await().atMost(TestInfrastructure.STORE_CATCH_UP)
        .until(() -> get("/actuator/health", "demo-beheer"), answer -> answer.statusCode() == 200);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(response.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("schemaRegistry").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
  }

  /** Magic byte 0, a 4-byte schema id resolved over /apis/ccompat/v7, then Avro binary. */
  private static GenericRecord decodeConfluent(byte[] value, Map<Integer, Schema> schemas) {
    ByteBuffer buffer = ByteBuffer.wrap(value);
    assertThat(buffer.get()).isZero();
    int id = buffer.getInt();
    Schema schema = schemas.computeIfAbsent(id, FileDropIT::schemaById);
    try {
      return new GenericDatumReader<GenericRecord>(schema).read(null,
          DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema schemaById(int id) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
          TestInfrastructure.stack().registry().confluentApiUrl() + "/schemas/ids/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode awaitObservations(String query, java.util.function.Predicate<JsonNode> ready) {
    return await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> JSON.readTree(get("/api/v1/observations"
        + query, "demo-programmabureau").body()).get("observations"), ready::test);
  }

  /** As a demo user: health details are for operators, the figures for the programme's staff. */
  private HttpResponse<String> get(String path, String demoUser) throws IOException, InterruptedException {
    String login = Base64.getEncoder().encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + login).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> quarantined() throws IOException {
    try (var files = Files.list(DATA.resolve("quarantine"))) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  /**
   * A defect in the hub that no retry cures: the counts kind throws on a row carrying {@link #MARKER}. Wrapping the
   * real kind here keeps test hooks out of the main code; every other row goes to the real kind.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class HubDefect {

    static final String MARKER = "defect-in-de-hub";
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Bean
    static BeanPostProcessor failingOnTheMarker() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (!(bean instanceof DeliveryKind kind) || kind.kind() != Delivery.Kind.COUNTS) {
            return bean;
          }
          return new DeliveryKind() {
            @Override
            public Delivery.Kind kind() {
              return kind.kind();
            }

            @Override
            public Layout layout() {
              return kind.layout();
            }

            @Override
            public RowHandler begin(Delivery delivery, EventTransaction tx, ReceiptNotes receipt) {
              RowHandler real = kind.begin(delivery, tx, receipt);
              return (row, problems) -> {
                if (row.values().contains(MARKER)) {
                  FAILURES.incrementAndGet();
                  throw new IllegalStateException("a defect in the hub, the same on every attempt");
                }
                return real.accept(row, problems);
              };
            }
          };
        }
      };
    }
  }
}
