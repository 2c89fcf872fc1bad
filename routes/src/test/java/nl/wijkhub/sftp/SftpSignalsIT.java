package nl.wijkhub.sftp;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
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
 * Signals over SFTP, on an in-process SFTP server and the real broker, registry and PostgreSQL: the police deliver a
 * CSV in {@code signalen/} on their server; the hub routes the valid rows, writes a receipt beside the file that quotes
 * nothing, and deletes the file (never to verwerkt/ or geweigerd/). A correction or withdrawal of a signal another
 * supplier gave, or of an unknown one, is refused with its own code and logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class SftpSignalsIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-sftp-signals-it");
  private static final Path ROOT = TestInfrastructure.tempDir("wijkhub-sftp-politie");
  private static final MinaSftpServer POLITIE = MinaSftpServer.start(ROOT, "wijkhub", "politie-geheim");
  private static final Path UPLOAD = ROOT.resolve("upload");
  private static final Path SIGNALEN = UPLOAD.resolve("signalen");
  private static final String PMG = Topics.multiteam("pmg-leeuwarden-oost", Duration.ZERO).name();
  private static final String HEADER = "soort;bsn;naam;geboortedatum;adres;wijk;datum;professional;contact;urgentie;"
      + "toelichting;actie;signaal\n";
  private static final String BSN = "111222333";
  private static final String WRONG_BSN = "111222334";
  private static final String NAME = "Jan de Vries";
  private static final String NOTE = "Vaak laat op straat bij de snackbar";
  private static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    String reference = SftpHub.referenceData(DATA, Map.of("politie-leeuwarden-oost", "sftp: {host: 127.0.0.1,"
        + " port: " + POLITIE.port() + ", user: wijkhub, directory: upload,"
        + " passwordFrom: WIJKHUB_SFTP_POLITIE_PASSWORD}"));
    copyCovenants();
    Path knownHosts = SftpHub.knownHosts(DATA, List.of(POLITIE.knownHostsLine()));
    SftpHub.hubProperties(registry, DATA, reference, knownHosts, Map.of(
        "WIJKHUB_SFTP_POLITIE_PASSWORD", "politie-geheim"));
  }

  private static void copyCovenants() {
    try (Stream<Path> files = Files.list(Path.of("../config/covenants"))) {
      Files.createDirectories(DATA.resolve("covenants"));
      for (Path file : files.toList()) {
        Files.copy(file, DATA.resolve("covenants").resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopServer() throws IOException {
    POLITIE.close();
  }

  @LocalServerPort
  int port;

  private static String row(String soort, String bsn, String actie, String signaal) {
    return soort + ";" + bsn + ";" + NAME + ";2010-05-04;;Bilgaard;" + YESTERDAY + ";A. Agent;0580-123456;normaal;"
        + NOTE + ";" + actie + ";" + signaal + "\n";
  }

  private static List<String> errors(JsonNode receipt) {
    return receipt.get("errors").valueStream().map(e -> e.get("line").asLong() + " " + e.get("field").asString()
        + " " + e.get("code").asString()).toList();
  }

  private static List<Path> filesUnder(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aSignalFileIsRoutedReceiptedWithoutAnyValueAndDeletedFromTheServer() throws IOException {
    String name = "zorgen-over-jan-de-vries.csv";
    SftpHub.upload(SIGNALEN, name, HEADER + row("jongere-in-beeld", BSN, "", "")
        + row("jongere-in-beeld", WRONG_BSN, "", ""));

    JsonNode receipt = SftpHub.awaitReceipt(SIGNALEN, name);

    assertThat(receipt.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(receipt.get("channel").asString()).isEqualTo("SFTP");
    assertThat(receipt.get("sourceName").asString()).startsWith("signalen-").doesNotContain("jan");
    assertThat(errors(receipt)).containsExactly("3 bsn BSN_ONGELDIG");
    String signalId = receipt.get("references").get(0).get("id").asString();
    String text = Files.readString(SIGNALEN.resolve(name + ".receipt.txt"));
    String json = Files.readString(SIGNALEN.resolve(name + ".receipt.json"));
    for (String written : List.of(text, json)) {
      assertThat(written).doesNotContain(BSN, WRONG_BSN, NAME, NOTE, "A. Agent", "0580-123456", "jan-de-vries");
    }
    assertThat(filesUnder(UPLOAD)).as("what is left on the server: the receipts only")
        .extracting(p -> UPLOAD.relativize(p).toString())
        .containsExactlyInAnyOrder("signalen/" + name + ".receipt.json", "signalen/" + name + ".receipt.txt");
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(signalId)))
        .singleElement().satisfies(r -> assertThat(r.value().getSupplier()).isEqualTo("politie-leeuwarden-oost"));
  }

  @Test
  void aWithdrawalOfAnotherSuppliersSignalOrOfAnUnknownOneIsRefusedAndLogged() {
    String elkiens = json(new ApiClient(port, "demo-elkien").post("/api/v1/signals", "application/json",
        ("[{\"soort\": \"huurachterstand\", \"bsn\": \"" + BSN + "\", \"naam\": \"" + NAME + "\", \"wijk\":"
            + " \"Bilgaard\", \"datum\": \"" + YESTERDAY + "\", \"professional\": \"B. Beheer\", \"contact\":"
            + " \"058-1\"}]").getBytes(StandardCharsets.UTF_8))).get("references").get(0).get("id").asString();
    String unknown = UUID.randomUUID().toString();
    String name = "intrekkingen.csv";

    SftpHub.upload(SIGNALEN, name, HEADER + row("jongere-in-beeld", BSN, "intrekking", elkiens)
        + row("jongere-in-beeld", BSN, "correctie", unknown));
    JsonNode receipt = SftpHub.awaitReceipt(SIGNALEN, name);

    assertThat(receipt.get("status").asString()).isEqualTo("REJECTED");
    assertThat(errors(receipt)).containsExactly("2 signaal SIGNAAL_NIET_VAN_U", "3 signaal SIGNAAL_ONBEKEND");
    assertThat(receipt.toString()).doesNotContain(elkiens, unknown, BSN, NAME);
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(elkiens)))
        .extracting(r -> r.value().getKind()).containsExactly(RoutedSignalKind.NIEUW);
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> elkiens.equals(r.getSignalId()) && "geweigerd".equals(r.getName())))
        .singleElement().satisfies(r -> {
          assertThat(r.value().getReasonCode()).isEqualTo("SIGNAAL_NIET_VAN_U");
          assertThat(r.value().getOrganisation()).isEqualTo("politie-leeuwarden-oost");
        });
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> unknown.equals(r.getSignalId()))).singleElement()
        .satisfies(r -> assertThat(r.value().getReasonCode()).isEqualTo("SIGNAAL_ONBEKEND"));
    assertThat(SIGNALEN.resolve(name)).doesNotExist();
  }
}
