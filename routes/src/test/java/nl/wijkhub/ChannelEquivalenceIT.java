package nl.wijkhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.delivery.Spool;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.DropFolderDriver;
import nl.wijkhub.support.MailDriver;
import nl.wijkhub.support.MinaSftpServer;
import nl.wijkhub.support.SftpHub;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The same delivery through every channel — drop folder, API, SFTP and e-mail — gives the same observations and an
 * equivalent receipt: one normalisation path behind four doors. Four IKC's deliver it (each may report the
 * indicator), so no delivery is a duplicate of another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class ChannelEquivalenceIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-channels-it");
  private static final Path SFTP_ROOT = TestInfrastructure.tempDir("wijkhub-channels-sftp");
  private static final MinaSftpServer SFTP = MinaSftpServer.start(SFTP_ROOT, "wijkhub", "ikc-3-geheim");
  private static final MailDriver MAIL = new MailDriver();
  private static final String SENDER = "tellingen@ikc-4.example";
  private static final String RUN = UUID.randomUUID().toString();
  /** One row per kind of outcome: accepted, accepted with an alias, and two rejected for different reasons. */
  private static final String CONTENT = SftpHub.HEADER
      + "ikc-medewerkers-getraind;Bilgaard;2024;25;kanalen " + RUN + "\n"
      + "ikc-medewerkers-getraind;heechterp;2024-Q3;4,5;\n"
      + "ikc-medewerkers-getraind;Bilgaardt;2024;3;\n"
      + "ikc-medewerkers-getraind;Vrijheidswijk;2024-13;-1;\n";

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    String reference = SftpHub.referenceData(DATA, Map.of(
        "ikc-3", "sftp: {host: 127.0.0.1, port: " + SFTP.port() + ", user: wijkhub, directory: upload,"
            + " passwordFrom: WIJKHUB_SFTP_IKC3_PASSWORD}",
        "ikc-4", "mailFrom: [" + SENDER + "]"));
    Path knownHosts = SftpHub.knownHosts(DATA, List.of(SFTP.knownHostsLine()));
    SftpHub.hubProperties(registry, DATA, reference, knownHosts, Map.of("WIJKHUB_SFTP_IKC3_PASSWORD",
        "ikc-3-geheim"));
    MAIL.hubProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @AfterAll
  static void stopServers() throws IOException {
    SFTP.close();
    MAIL.close();
  }

  @LocalServerPort
  int port;

  @Test
  void theSameDeliveryThroughFolderApiSftpAndEmailGivesTheSameObservationsAndAnEquivalentReceipt()
      throws Exception {
    DropFolderDriver folder = new DropFolderDriver(DATA);
    folder.deliver("ikc-1", "tellingen.csv", CONTENT);
    JsonNode viaApi = ApiClient.json(new ApiClient(port, "demo-ikc-2").postCsv(
        "/api/v1/submissions?bestandsnaam=tellingen.csv", CONTENT));
    SftpHub.upload(SFTP_ROOT.resolve("upload"), "tellingen.csv", CONTENT);
    MAIL.deliver(MailDriver.message(SENDER, MailDriver.HUB, "Tellingen " + RUN,
        MailDriver.file("tellingen.csv", CONTENT.getBytes(StandardCharsets.UTF_8))));

    Map<String, JsonNode> receipts = new HashMap<>();
    receipts.put("FILE", folder.awaitReceipt("ikc-1", "tellingen.csv"));
    receipts.put("API", viaApi);
    receipts.put("SFTP", SftpHub.awaitReceipt(SFTP_ROOT.resolve("upload"), "tellingen.csv"));
    receipts.put("EMAIL", MailDriver.receiptJson(MAIL.awaitReply(SENDER, RUN), "tellingen.csv"));

    String sha256 = Spool.sha256(CONTENT.getBytes(StandardCharsets.UTF_8));
    assertThat(receipts).allSatisfy((channel, receipt) -> {
      assertThat(receipt.get("channel").asString()).isEqualTo(channel);
      assertThat(outcome(receipt)).as(channel).isEqualTo("PARTIALLY_ACCEPTED 2/2 sha " + sha256
          + " [4 wijk WIJK_ONBEKEND, 5 periode PERIODE_ONGELDIG, 5 waarde WAARDE_NEGATIEF]");
    });
    List<String> expected = observations(receipts.get("FILE"));
    assertThat(expected).containsExactlyInAnyOrder(
        "ikc-medewerkers-getraind bilgaard 2024 25.0 kanalen " + RUN,
        "ikc-medewerkers-getraind heechterp-schieringen 2024-Q3 4.5 null");
    receipts.forEach((channel, receipt) -> assertThat(observations(receipt)).as(channel)
        .containsExactlyInAnyOrderElementsOf(expected));
  }

  /** Everything of a receipt that must not depend on the channel. */
  private static String outcome(JsonNode receipt) {
    return receipt.get("status").asString() + " " + receipt.get("accepted").asLong() + "/"
        + receipt.get("rejected").asLong() + " sha " + receipt.get("sha256").asString() + " "
        + receipt.get("errors").valueStream().map(e -> e.get("line").asLong() + " " + e.get("field").asString()
            + " " + e.get("code").asString()).toList();
  }

  private static List<String> observations(JsonNode receipt) {
    String id = receipt.get("submissionId").asString();
    return TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id)).stream().map(r -> r.value())
        .map(o -> o.getIndicator() + " " + o.getWijk() + " " + o.getPeriod() + " " + o.getValue() + " "
            + o.getNote()).toList();
  }
}
