package nl.wijkhub.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The privacy promise as a byte scan: after signals with known BSNs, names and notes went in by API (accepted,
 * refused, withdrawn) and down the counts path, none of those values is found in plaintext in any record of any
 * topic (decompressed, aborted ones too), in the broker's log segments, the hub's data folder (spool, archive,
 * quarantine, outboxes, receipts), its log output, or a dump of its database tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({TestInfrastructure.class, OutputCaptureExtension.class})
class PersonalDataScanIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-scan-it");
  private static final String SCHEMA = TestInfrastructure.isolation();
  private static final List<String> SECRETS = List.of("123456782", "Marieke Zwartveen", "Bertus Oosterhof",
      "rook uit de kelderbox", "Sytske Mulder", "111222333");

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, SCHEMA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;

  private HttpResponse<String> post(String partner, String body) {
    return new ApiClient(port, "demo-" + partner).post("/api/v1/signals", "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String signal(String bsn, String name, String note, String extra) {
    return "{\"soort\": \"jongere-in-beeld\", \"bsn\": \"" + bsn + "\", \"naam\": \"" + name + "\", \"wijk\":"
        + " \"Bilgaard\", \"datum\": \"" + LocalDate.now().minusDays(2) + "\", \"professional\": \"Sytske Mulder\","
        + " \"contact\": \"0580-111111\", \"toelichting\": \"" + note + "\"" + extra + "}";
  }

  @Test
  void noKnownValueIsAnywhereInPlaintext(CapturedOutput output) throws Exception {
    HttpResponse<String> accepted = post("politie-leeuwarden-oost",
        "[" + signal("123456782", "Marieke Zwartveen", "rook uit de kelderbox", "") + "]");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = ApiClient.json(accepted).get("references").get(0).get("id").asString();
    HttpResponse<String> withdrawn = post("politie-leeuwarden-oost", "[" + signal("123456782", "Marieke Zwartveen",
        "rook uit de kelderbox", ", \"actie\": \"intrekking\", \"signaal\": \"" + id + "\"") + "]");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);
    HttpResponse<String> refused = post("dbieb", "[" + signal("111222333", "Bertus Oosterhof",
        "rook uit de kelderbox", "") + "]");
    assertThat(refused.statusCode()).isEqualTo(422);
    HttpResponse<String> wrongPath = new ApiClient(port, "demo-dbieb").postCsv("/api/v1/submissions",
        "indicator;wijk;periode;waarde;toelichting\ntaalmaatjes-gekoppeld;Bilgaard;2024;7;Bertus Oosterhof 111222333\n");
    assertThat(wrongPath.body()).contains("PERSOONSGEGEVENS");

    // The processing log reaches the database through its consumer: wait for this signal's steps before the dump.
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    org.awaitility.Awaitility.await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> jdbc.queryForObject(
        "SELECT count(*) FROM processing_record WHERE signal_id = ?", Integer.class, id) >= 5);
    List<String> found = new ArrayList<>();
    for (String topic : topics()) {
      for (ConsumerRecord<String, byte[]> record : TopicReader.raw(topic, "read_uncommitted")) {
        scan("topic " + topic + " key", record.key() == null ? new byte[0]
            : record.key().getBytes(StandardCharsets.UTF_8), found);
        scan("topic " + topic + " value", record.value() == null ? new byte[0] : record.value(), found);
        record.headers().forEach(h -> scan("topic " + topic + " header " + h.key(), h.value(), found));
      }
    }
    scanFiles(TestInfrastructure.stack().workDir(), found);
    scanFiles(DATA, found);
    scan("log output", output.getAll().getBytes(StandardCharsets.UTF_8), found);
    scan("database dump", dump().getBytes(StandardCharsets.UTF_8), found);

    assertThat(found).as("places holding a known personal value in plaintext").isEmpty();
  }

  private Set<String> topics() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers",
        TestInfrastructure.stack().broker().bootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private String dump() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    StringBuilder all = new StringBuilder();
    for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
        String.class, SCHEMA.replace('-', '_'))) {
      jdbc.queryForList("SELECT * FROM " + SCHEMA.replace('-', '_') + "." + table)
          .forEach(row -> all.append(row).append('\n'));
    }
    return all.toString();
  }

  private static void scanFiles(Path root, List<String> found) {
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          scan(file.toString(), Files.readAllBytes(file), found);
        } catch (NoSuchFileException e) {
          // Gone between the listing and the read: the broker rewrites its offset checkpoints every few seconds,
          // each written aside and then renamed over the last. A file that no longer exists holds nothing.
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scan(String where, byte[] bytes, List<String> found) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    for (String secret : SECRETS) {
      if (text.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
        found.add(where + ": " + secret.substring(0, 3) + "…");
      }
    }
  }
}
