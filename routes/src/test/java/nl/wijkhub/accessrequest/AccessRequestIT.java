package nl.wijkhub.accessrequest;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.privacy.KeyUnavailable;
import nl.wijkhub.privacy.ProcessingLogStore;
import nl.wijkhub.privacy.Pseudonyms;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.retention.InboxStatusRetention;
import nl.wijkhub.retention.SignalKeyRetention;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The privacy officer's access request on the real broker, registry and PostgreSQL: two suppliers signal about one
 * person through the signals API, and the officer of the covenant's municipality gets exactly the golden list of
 * what happened (by API, as CSV for the letter, and on the page), each look-up logged first; the other
 * municipality's officer finds nothing. Then the clock is advanced past the covenant's retention: the retention job
 * crypto-shreds the period and deletes the inbox's status rows of it, the routed ciphertext on the topic no longer
 * opens, and the access request still answers from the processing log. The methods run in order because the last one destroys this hub's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessRequestIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-access-request-it");
  private static final String PMG = "pmg-leeuwarden-oost";
  private static final String PMG_TOPIC = Topics.multiteam(PMG, Duration.ZERO).name();
  private static final String BSN = "628194821";
  private static final String OTHER_BSN = "252760189";
  private static final String NAME = "Sanne Hoekstra";
  private static final String PATH = "/api/v1/privacy/inzageverzoeken";
  /** Written once, so that every test method sees the same signals however JUnit orders them. */
  private static final List<String> SIGNAL_IDS = new ArrayList<>();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort
  int port;

  @Autowired
  Pseudonyms pseudonyms;

  @Autowired
  ProcessingLogStore store;

  @Autowired
  RoutedSignalReader recipient;

  @Autowired
  SignalKeyRetention retention;

  @Autowired
  InboxStatusRetention inboxRetention;

  @Autowired
  DataSource dataSource;

  @Test
  @Order(1)
  void theOfficerGetsExactlyWhatHappenedToThePersonAndTheLookUpIsLoggedFirst() throws IOException {
    deliverTheSignals();

    HttpResponse<String> answer = ask("demo-fg", "{\"bsn\": \"" + BSN + "\"}", "application/json");
    HttpResponse<String> csv = ask("demo-fg", "{\"bsn\": \"628 19 48 21\"}", "text/csv");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode steps = json(answer).get("verwerkingen");
    assertThat(steps.valueStream().map(s -> s.get("signaal").asString()).distinct().toList())
        .containsExactlyElementsOf(SIGNAL_IDS);
    assertThat(steps.valueStream().map(s -> s.get("tijdstip").asString().substring(0, 10)).distinct())
        .allSatisfy(day -> assertThat(LocalDate.parse(day)).isBetween(LocalDate.now().minusDays(1),
            LocalDate.now().plusDays(1)));
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
        assertThat(d).contains("inzageverzoek.csv"));
    assertThat(withoutTimesAndSignalIds(csv.body())).isEqualTo(golden("inzageverzoek-pmg.golden.txt"));
    assertThat(answer.body() + csv.body()).doesNotContain(BSN, NAME);

    String pseudonym = pseudonyms.forLookup(PMG, BSN).get(0);
    List<ConsumerRecord<String, ProcessingRecord>> lookUps = TopicReader.committed(
        Topics.PROCESSING_LOG.name(), ProcessingRecord.class, r -> pseudonym.equals(r.getDataSubjectId())
            && r.getCovenantId() == null);
    assertThat(lookUps).extracting(r -> r.value().getName()).containsExactlyInAnyOrder("ingezien", "geexporteerd");
    assertThat(lookUps).allSatisfy(r -> {
      assertThat(r.value().getProcessingActivityId()).endsWith("/inzageverzoek-leeuwarden");
      assertThat(r.value().getOrganisation()).isEqualTo("gemeente-leeuwarden");
    });
    String lookUpSpan = lookUps.stream().filter(r -> r.value().getName().equals("ingezien")).findFirst()
        .orElseThrow().value().getSpanId();
    assertThat(TopicReader.committed(Topics.ACCESS_LOG.name(), AccessRecord.class,
        a -> a.getSpanId().equals(lookUpSpan))).singleElement().satisfies(a -> {
          assertThat(a.value().getActingPerson()).isEqualTo("demo-fg");
          assertThat(a.value().getRole()).isEqualTo("privacy-officer:leeuwarden");
        });
    assertThat(TopicReader.raw(Topics.PROCESSING_LOG.name(), "read_uncommitted")).allSatisfy(raw -> assertThat(
        new String(raw.value(), StandardCharsets.ISO_8859_1)).doesNotContain(BSN));
  }

  @Test
  @Order(2)
  void anotherMunicipalitysOfficerFindsNothingAndAWrongBsnIsRefusedWithoutEcho() {
    deliverTheSignals();

    HttpResponse<String> otherOfficer = ask("demo-fg-lv", "{\"bsn\": \"" + BSN + "\"}", "application/json");
    HttpResponse<String> typo = ask("demo-fg", "{\"bsn\": \"628194822\"}", "application/json");

    assertThat(otherOfficer.statusCode()).as(otherOfficer.body()).isEqualTo(200);
    assertThat(json(otherOfficer).get("verwerkingen").isEmpty()).isTrue();
    assertThat(json(otherOfficer).get("convenanten").valueStream().map(JsonNode::asString).toList())
        .containsExactly("Convenant casusoverleg jeugd en veiligheid Sterk voor Noord");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(json(typo).get("code").asString()).isEqualTo("BSN_ONGELDIG");
    assertThat(typo.body()).doesNotContain("628194822");
  }

  @Test
  @Order(3)
  void thePageAnswersTheSameAfterALoginAndOffersTheLetterAndTheRegister() {
    deliverTheSignals();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    logIn(browser, "demo-fg");

    HttpResponse<String> form = send(browser, HttpRequest.newBuilder(uri("/privacy")).GET());
    HttpResponse<String> answer = postForm(browser, "/privacy/inzageverzoek", "bsn=" + BSN, form.body());
    HttpResponse<String> wrong = postForm(browser, "/privacy/inzageverzoek", "bsn=12345", form.body());
    HttpResponse<String> register = send(browser, HttpRequest.newBuilder(uri("/privacy/verwerkingsregister.csv"))
        .GET());

    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<html lang=\"nl\">", "<label for=\"bsn\">BSN</label>", "method=\"post\"")
        .doesNotContain("<script", "style=", "<style");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("Politie basisteam Leeuwarden (wijkagenten)", "Plus-IKC 1",
        "<caption>6 verwerkingen, oudste eerst</caption>").doesNotContain(NAME, "<script", "style=");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("role=\"alert\"", BsnInput.INVALID, "aria-invalid=\"true\"");
    assertThat(register.statusCode()).isEqualTo(200);
    assertThat(register.body()).contains("pmg-multiteam-signalen", "inzageverzoek-leeuwarden", "18 maanden")
        .doesNotContain("svn-casusoverleg-signalen");
  }

  @Test
  @Order(4)
  void pastTheRetentionNothingAboutThePersonOpensButTheAccessRequestStillAnswers() {
    deliverTheSignals();
    List<RoutedSignal> routed = TopicReader.committed(PMG_TOPIC, RoutedSignal.class,
        s -> SIGNAL_IDS.contains(s.getSignalId())).stream().map(ConsumerRecord::value).toList();
    assertThat(routed).hasSize(2).allSatisfy(s -> assertThat(recipient.open(s).identity()).isPresent());
    HttpResponse<String> before = ask("demo-fg", "{\"bsn\": \"" + BSN + "\"}", "text/csv");
    HttpResponse<String> status = ApiClient.demoUser(port, "demo-pmg-multiteam").put("/api/v1/multiteam/" + PMG
        + "/signalen/" + SIGNAL_IDS.get(0) + "/status", "application/json",
        "{\"status\": \"IN_BEHANDELING\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(204);
    assertThat(inboxRows()).as("status and its change kept in the inbox").isEqualTo(2);

    Instant soon = Clock.offset(Clock.systemUTC(), Duration.ofDays(30)).instant();
    int withinRetention = retention.purge(soon) + inboxRetention.purge(soon);
    assertThat(withinRetention).as("keys or inbox rows removed while the covenant still keeps them").isZero();
    assertThat(recipient.open(routed.get(0)).identity()).isPresent();
    assertThat(inboxRows()).isEqualTo(2);
    Instant late = Clock.offset(Clock.systemUTC(), Duration.ofDays(600)).instant();
    int past = retention.purge(late);
    int inboxRowsDeleted = inboxRetention.purge(late);

    assertThat(past).isPositive();
    assertThat(inboxRowsDeleted).isEqualTo(2);
    assertThat(inboxRows()).as("no inbox status left of the shredded period").isZero();
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> "verwijderd".equals(r.getName()) && PMG.equals(r.getCovenantId())
            && "BEWAARTERMIJN_VERSTREKEN".equals(r.getReasonCode()))).isNotEmpty();
    assertThat(routed).allSatisfy(s -> assertThatThrownBy(() -> recipient.open(s))
        .isInstanceOf(KeyUnavailable.class).hasMessageContaining("destroyed"));
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> "vernietigd".equals(r.getName()) && PMG.equals(r.getCovenantId())
            && r.getProcessingActivityId().endsWith("#" + PMG + "/v2"))).isNotEmpty();
    HttpResponse<String> after = ask("demo-fg", "{\"bsn\": \"" + BSN + "\"}", "text/csv");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(withoutTimesAndSignalIds(after.body())).isEqualTo(withoutTimesAndSignalIds(before.body()))
        .isEqualTo(golden("inzageverzoek-pmg.golden.txt"));
  }

  /** Once per class: a police signal and a school's about the person, one about somebody else; stored in the log. */
  private synchronized void deliverTheSignals() {
    if (!SIGNAL_IDS.isEmpty()) {
      return;
    }
    SIGNAL_IDS.add(signal("politie-leeuwarden-oost", "jongere-in-beeld", BSN));
    SIGNAL_IDS.add(signal("ikc-1", "schoolverzuim", BSN));
    signal("elkien", "huurachterstand", OTHER_BSN);
    List<String> kept = pseudonyms.forLookup(PMG, BSN);
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> store.stepsAbout(kept, List.of(PMG)).size() == 6);
  }

  private String signal(String partner, String soort, String bsn) {
    String body = "[{\"soort\": \"" + soort + "\", \"bsn\": \"" + bsn + "\", \"naam\": \"" + NAME + "\","
        + " \"geboortedatum\": \"2011-03-14\", \"wijk\": \"Bilgaard\", \"datum\": \"" + LocalDate.now().minusDays(1)
        + "\", \"professional\": \"P. de Boer\", \"contact\": \"058-2345678\", \"toelichting\": \"Zorgen\"}]";
    HttpResponse<String> response = new ApiClient(port, "demo-" + partner).post("/api/v1/signals",
        "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).get("references").get(0).get("id").asString();
  }

  /** The inbox's status rows and status changes about the person's signals. */
  private int inboxRows() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return jdbc.queryForObject("SELECT count(*) FROM inbox_item_status WHERE item_id = ?", Integer.class,
        SIGNAL_IDS.get(0)) + jdbc.queryForObject("SELECT count(*) FROM inbox_status_change WHERE item_id = ?",
        Integer.class, SIGNAL_IDS.get(0));
  }

  private HttpResponse<String> ask(String officer, String body, String accept) {
    return ApiClient.demoUser(port, officer).post(PATH, "application/json", body.getBytes(StandardCharsets.UTF_8),
        "Accept", accept);
  }

  /** The CSV's records with the time (first column) and signal id (last) left out: they differ per run. */
  private static List<String> withoutTimesAndSignalIds(String csv) {
    List<String> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(csv.replace("\uFEFF",
        ""))) {
      for (CsvRecord record : reader) {
        List<String> fields = new ArrayList<>(record.getFields());
        if (lines.size() >= 2) {
          fields.remove(fields.size() - 1);
          fields.remove(0);
        }
        lines.add(String.join(" | ", fields).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static List<String> golden(String name) {
    try {
      return Files.readAllLines(Path.of("src/test/resources/accessrequest", name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void logIn(HttpClient browser, String user) {
    String form = send(browser, HttpRequest.newBuilder(uri("/login")).GET()).body();
    HttpResponse<String> login = postForm(browser, "/login", "username=" + encode(user) + "&password="
        + encode(user), form);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  /** Posts a form with the CSRF token of the page it came from. */
  private HttpResponse<String> postForm(HttpClient browser, String path, String fields, String page) {
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("a CSRF token in the form").isTrue();
    return send(browser, HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + encode(csrf.group(1)))));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
