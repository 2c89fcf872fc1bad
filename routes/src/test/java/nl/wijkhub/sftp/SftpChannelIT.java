package nl.wijkhub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.DeliveryRoute;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.MinaSftpServer;
import nl.wijkhub.support.SftpHub;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The SFTP channel end to end against an in-process SFTP server, on the real broker, registry and PostgreSQL. DBieb
 * delivers over SFTP; Elkien's server presents a host key other than the one in known_hosts.
 */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
class SftpChannelIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-sftp-it");
  private static final Path DBIEB_ROOT = TestInfrastructure.tempDir("wijkhub-sftp-dbieb");
  private static final Path ELKIEN_ROOT = TestInfrastructure.tempDir("wijkhub-sftp-elkien");
  private static final MinaSftpServer DBIEB = MinaSftpServer.start(DBIEB_ROOT, "wijkhub", "dbieb-geheim");
  private static final MinaSftpServer ELKIEN = MinaSftpServer.start(ELKIEN_ROOT, "wijkhub", "elkien-geheim");
  private static final Path UPLOAD = DBIEB_ROOT.resolve("upload");
  /** Makes the normalisation step fail, as an unreachable Kafka would. */
  private static final AtomicBoolean KAFKA_DOWN = new AtomicBoolean();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    String reference = SftpHub.referenceData(DATA, Map.of(
        "dbieb", "sftp: {host: 127.0.0.1, port: " + DBIEB.port() + ", user: wijkhub, directory: upload,"
            + " passwordFrom: WIJKHUB_SFTP_DBIEB_PASSWORD}",
        "elkien", "sftp: {host: 127.0.0.1, port: " + ELKIEN.port() + ", user: wijkhub, directory: upload,"
            + " passwordFrom: WIJKHUB_SFTP_ELKIEN_PASSWORD}"));
    // Elkien's line carries DBieb's key: the key Elkien's server presents does not match it.
    Path knownHosts = SftpHub.knownHosts(DATA, List.of(DBIEB.knownHostsLine(), DBIEB.knownHostsLine(ELKIEN.port())));
    SftpHub.hubProperties(registry, DATA, reference, knownHosts, Map.of(
        "WIJKHUB_SFTP_DBIEB_PASSWORD", "dbieb-geheim", "WIJKHUB_SFTP_ELKIEN_PASSWORD", "elkien-geheim"));
  }

  @AfterAll
  static void stopServers() throws IOException {
    DBIEB.close();
    ELKIEN.close();
  }

  @Autowired
  CamelContext camel;

  @Autowired
  MeterRegistry meters;

  @Test
  void validCsvOnTheServerIsPublishedReceiptedBesideItAndMovedToVerwerkt() throws IOException {
    String run = UUID.randomUUID().toString();
    SftpHub.upload(UPLOAD, "tellingen.csv", SftpHub.HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;sftp " + run + "\n"
        + "basisvaardigheden-deelnemers;heechterp;2024;62;\n");

    JsonNode receipt = SftpHub.awaitReceipt(UPLOAD, "tellingen.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(receipt.get("channel").asString()).isEqualTo("SFTP");
    assertThat(receipt.get("accepted").asLong()).isEqualTo(2);
    assertThat(UPLOAD.resolve("tellingen.csv.receipt.txt")).content().contains("geaccepteerd", id);
    assertThat(UPLOAD.resolve("verwerkt").resolve(id).resolve("tellingen.csv")).content().contains(run);
    List<ConsumerRecord<String, IndicatorObservation>> published = TopicReader.committed(Topics.INDICATORS.name(),
        IndicatorObservation.class, o -> o.getSubmissionId().equals(id));
    assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
        "leeuwarden-oost|taalmaatjes-gekoppeld|bilgaard|2024",
        "leeuwarden-oost|basisvaardigheden-deelnemers|heechterp-schieringen|2024");
    // The spooled copy goes when the exchange is done, after the receipt and the move on the server.
    await().atMost(Duration.ofSeconds(60)).until(() -> spooled().isEmpty());
  }

  @Test
  void badRowsGiveAPartiallyAcceptedReceiptNamingLineAndField() {
    SftpHub.upload(UPLOAD, "met-fouten.csv", SftpHub.HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024-Q2;3;run " + UUID.randomUUID() + "\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2024-Q2;-1;\n");

    JsonNode receipt = SftpHub.awaitReceipt(UPLOAD, "met-fouten.csv");

    assertThat(receipt.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(receipt.get("errors").valueStream().map(e -> e.get("line").asLong() + " " + e.get("field").asString()
        + " " + e.get("code").asString())).containsExactly("3 waarde WAARDE_NEGATIEF");
    assertThat(UPLOAD.resolve("met-fouten.csv.receipt.txt")).content().contains("Regel 3, kolom waarde");
  }

  @Test
  void theSameContentAgainGetsADuplicateReceiptAndPublishesNothing() {
    String content = SftpHub.HEADER + "taalmaatjes-gekoppeld;Oud Oost;2024;4;run " + UUID.randomUUID() + "\n";
    SftpHub.upload(UPLOAD, "eerste.csv", content);
    String first = SftpHub.awaitReceipt(UPLOAD, "eerste.csv").get("submissionId").asString();

    SftpHub.upload(UPLOAD, "nogmaals.csv", content);
    JsonNode second = SftpHub.awaitReceipt(UPLOAD, "nogmaals.csv");

    assertThat(second.get("status").asString()).isEqualTo("DUPLICATE");
    assertThat(second.get("duplicateOf").asString()).isEqualTo(first);
    String secondId = second.get("submissionId").asString();
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(secondId))).isEmpty();
    assertThat(UPLOAD.resolve("verwerkt").resolve(secondId).resolve("nogmaals.csv")).exists();
  }

  @Test
  void aFileInProefGetsATrialReceiptThereAndPublishesNothing() {
    Path proef = UPLOAD.resolve("proef");
    SftpHub.upload(proef, "proef.csv", SftpHub.HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;9;proef\n");

    JsonNode receipt = SftpHub.awaitReceipt(proef, "proef.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("dryRun").asBoolean()).isTrue();
    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(proef.resolve("proef.csv.receipt.txt")).content().contains("proefaanlevering");
    assertThat(proef.resolve("verwerkt").resolve(id).resolve("proef.csv")).exists();
    assertThat(UPLOAD.resolve("proef.csv.receipt.json")).doesNotExist();
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSubmissionId().equals(id))).isEmpty();
  }

  @Test
  void anEmptyFileIsRefusedWithAReceiptAndMovedToGeweigerd() {
    SftpHub.upload(UPLOAD, "leeg.csv", "");

    JsonNode receipt = SftpHub.awaitReceipt(UPLOAD, "leeg.csv");

    assertThat(receipt.get("errors").get(0).get("code").asString()).isEqualTo("BESTAND_LEEG");
    assertThat(UPLOAD.resolve("geweigerd").resolve(receipt.get("submissionId").asString()).resolve("leeg.csv"))
        .exists();
  }

  @Test
  void aServerWhoseHostKeyIsNotInKnownHostsIsNeverTrustedAndItsFileStaysUntouched() {
    Path upload = ELKIEN_ROOT.resolve("upload");
    Path file = SftpHub.upload(upload, "tellingen.csv", SftpHub.HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;1;\n");
    double before = hostKeyFailures("elkien");

    await().atMost(Duration.ofSeconds(60)).until(() -> hostKeyFailures("elkien") >= before + 3);

    assertThat(file).exists();
    try (Stream<Path> left = Files.list(upload)) {
      assertThat(left).containsExactly(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aDeliveryThatFailsLeavesTheFileOnTheServerAndTheNextPollIngestsIt() throws Exception {
    AdviceWith.adviceWith(camel, "sftp-dbieb", route -> route.interceptSendToEndpoint(DeliveryRoute.ENDPOINT)
        .when(exchange -> KAFKA_DOWN.get()).throwException(new IllegalStateException("Kafka unreachable (test)")));
    NotifyBuilder failed = new NotifyBuilder(camel).fromRoute("sftp-dbieb").whenFailed(2).create();
    KAFKA_DOWN.set(true);
    try {
      Path file = SftpHub.upload(UPLOAD, "later.csv", SftpHub.HEADER + "taalmaatjes-gekoppeld;Bilgaard;2021;5;run "
          + UUID.randomUUID() + "\n");

      assertThat(failed.matches(60, TimeUnit.SECONDS)).as("two polls failed").isTrue();
      assertThat(file).exists();
      assertThat(UPLOAD.resolve("later.csv.receipt.json")).doesNotExist();
    } finally {
      KAFKA_DOWN.set(false);
    }

    assertThat(SftpHub.awaitReceipt(UPLOAD, "later.csv").get("status").asString()).isEqualTo("ACCEPTED");
  }

  private double hostKeyFailures(String partner) {
    Counter counter = meters.find(SftpPollFailures.METER).tags("partner", partner, "reason", SftpPollFailures.HOST_KEY)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private static List<Path> spooled() throws IOException {
    Path spool = DATA.resolve("spool/sftp");
    if (!Files.exists(spool)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(spool)) {
      return files.toList();
    }
  }
}
