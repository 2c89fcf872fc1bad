package nl.wijkhub.http;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The submissions API end to end on the real broker, registry and PostgreSQL. Each test delivers as its own
 * IKC (they may all report ikc-medewerkers-getraind), so the per-partner rate limit of one test never bites another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class SubmissionsApiIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-api-it");
  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  static final int REQUESTS_PER_MINUTE = 8;

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.api.requests-per-minute", () -> REQUESTS_PER_MINUTE);
    registry.add("wijkhub.deliveries.max-delivery-size", () -> "64KB");
  }

  @LocalServerPort
  int port;

  @Autowired
  KafkaSettings kafka;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private ApiClient as(String partnerId) {
    return new ApiClient(port, "demo-" + partnerId);
  }

  private static String rows(String note) {
    return HEADER + "ikc-medewerkers-getraind;Bilgaard;2024;25;" + note + "\n"
        + "ikc-medewerkers-getraind;Heechterp;2024-Q3;4;\n";
  }

  @Test
  void csvBodyIsPublishedAndAnswered202WithTheReceiptWhichCanBeFetchedAgain() {
    ApiClient ikc = as("ikc-1");
    HttpResponse<String> response = ikc.postCsv("/api/v1/submissions?bestandsnaam=ikc-2024.csv",
        rows("run " + UUID.randomUUID()));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("API-Version")).hasValue(ApiVersionHeader.VERSION);
    JsonNode receipt = json(response);
    String id = receipt.get("submissionId").asString();
    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(receipt.get("channel").asString()).isEqualTo("API");
    assertThat(receipt.get("sourceName").asString()).isEqualTo("ikc-2024.csv");
    assertThat(receipt.get("accepted").asLong()).isEqualTo(2);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/submissions/" + id);
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).extracting(r -> r.key()).containsExactlyInAnyOrder(
        "leeuwarden-oost|ikc-medewerkers-getraind|bilgaard|2024",
        "leeuwarden-oost|ikc-medewerkers-getraind|heechterp-schieringen|2024-Q3");

    HttpResponse<String> again = ikc.get("/api/v1/submissions/" + id);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again)).isEqualTo(receipt);
    assertThat(json(ikc.get("/api/v1/submissions?limit=5")).get("submissions").valueStream()
        .map(r -> r.get("submissionId").asString())).contains(id);
  }

  @Test
  void jsonBodyAndMultipartUploadGoThroughTheSamePath() {
    ApiClient ikc = as("ikc-2");
    String run = UUID.randomUUID().toString();
    HttpResponse<String> jsonResponse = ikc.post("/api/v1/submissions", "application/json",
        ("[{\"indicator\":\"ikc-medewerkers-getraind\",\"wijk\":\"Bilgaard\",\"periode\":\"2023\",\"waarde\":3,"
            + "\"toelichting\":\"json " + run + "\"}]").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> upload = ikc.upload("/api/v1/submissions", "export.csv",
        rows("upload " + run).getBytes(StandardCharsets.UTF_8));

    assertThat(jsonResponse.statusCode()).isEqualTo(202);
    assertThat(json(jsonResponse).get("sourceName").asString()).isEqualTo("aanlevering.json");
    assertThat(json(jsonResponse).get("accepted").asLong()).isEqualTo(1);
    assertThat(upload.statusCode()).isEqualTo(202);
    assertThat(json(upload).get("sourceName").asString()).isEqualTo("export.csv");
    assertThat(json(upload).get("accepted").asLong()).isEqualTo(2);

    byte[] workbook = xlsx("ikc-medewerkers-getraind", "Heechterp", 2022, 9, "xlsx " + run);
    HttpResponse<String> xlsxUpload = ikc.upload("/api/v1/submissions", "export.xlsx", workbook);
    HttpResponse<String> xlsxBody = ikc.post("/api/v1/submissions?dryRun=true", SubmissionsController.XLSX,
        workbook);
    assertThat(xlsxUpload.statusCode()).as(xlsxUpload.body()).isEqualTo(202);
    assertThat(json(xlsxUpload).get("accepted").asLong()).isEqualTo(1);
    assertThat(xlsxBody.statusCode()).as(xlsxBody.body()).isEqualTo(200);
    assertThat(json(xlsxBody).get("sourceName").asString()).isEqualTo("aanlevering.xlsx");
  }

  /** A one-row workbook as Excel stores it: the year and the value as numbers. */
  private static byte[] xlsx(String indicator, String wijk, int year, int value, String note) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Tellingen");
      Row header = sheet.createRow(0);
      String[] names = {"indicator", "wijk", "periode", "waarde", "toelichting"};
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(indicator);
      row.createCell(1).setCellValue(wijk);
      row.createCell(2).setCellValue(year);
      row.createCell(3).setCellValue(value);
      row.createCell(4).setCellValue(note);
      book.write(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void dryRunReturnsTheFullReceiptAndPublishesNothing() {
    ApiClient ikc = as("ikc-3");
    HttpResponse<String> response = ikc.postCsv("/api/v1/submissions?dryRun=true", HEADER
        + "ikc-medewerkers-getraind;Bilgaard;2024;5;proef " + UUID.randomUUID() + "\n"
        + "ikc-medewerkers-getraind;Bilgaard;2024;-5;\n");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode receipt = json(response);
    String id = receipt.get("submissionId").asString();
    assertThat(receipt.get("dryRun").asBoolean()).isTrue();
    assertThat(receipt.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(receipt.get("errors").get(0).get("code").asString()).isEqualTo("WAARDE_NEGATIEF");
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).isEmpty();
    assertThat(ikc.get("/api/v1/submissions/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameReceiptAndIngestsNothingTwice() {
    ApiClient ikc = as("ikc-4");
    String key = UUID.randomUUID().toString();
    String content = rows("retry " + key);

    HttpResponse<String> first = ikc.postCsv("/api/v1/submissions", content, "Idempotency-Key", key);
    HttpResponse<String> retry = ikc.postCsv("/api/v1/submissions", content, "Idempotency-Key", key);
    HttpResponse<String> otherContent = ikc.postCsv("/api/v1/submissions", rows("ander " + key),
        "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(retry.statusCode()).isEqualTo(202);
    assertThat(json(retry)).isEqualTo(json(first));
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    String id = json(first).get("submissionId").asString();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> key.equals(r.getIdempotencyKey()))).extracting(r -> r.value().getSubmissionId()).containsExactly(id);
    assertProblem(otherContent, 422, "IDEMPOTENCY_KEY_HERGEBRUIKT");

    // Another hub instance started later knows the key from the ledger topic alone.
    try (ReceiptLedger later = new ReceiptLedger(() -> new KafkaConsumer<>(kafka.consumerProperties()),
        Duration.ofSeconds(30))) {
      later.start();
      assertThat(later.byIdempotencyKey("ikc-4", key)).map(SubmissionReceipt::getSubmissionId).hasValue(id);
    }
  }

  @Test
  void concurrentRetriesWithTheSameIdempotencyKeyAreIngestedOnce() throws Exception {
    ApiClient ikc = as("ikc-10");
    String key = UUID.randomUUID().toString();
    String content = rows("gelijktijdig " + key);
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      List<Future<HttpResponse<String>>> calls = clients.invokeAll(Collections.nCopies(3,
          () -> ikc.postCsv("/api/v1/submissions", content, "Idempotency-Key", key)));
      List<String> ids = new ArrayList<>();
      for (Future<HttpResponse<String>> call : calls) {
        assertThat(call.get().statusCode()).isEqualTo(202);
        ids.add(json(call.get()).get("submissionId").asString());
      }

      assertThat(ids).containsOnly(ids.get(0));
      assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
          r -> key.equals(r.getIdempotencyKey()))).hasSize(1);
      assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
          o -> o.getSubmissionId().equals(ids.get(0)))).hasSize(2);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void missingOrUnknownKeysAreRefused401WithoutTouchingAnything() {
    HttpResponse<String> none = new ApiClient(port, null).postCsv("/api/v1/submissions", rows("geen sleutel"));
    HttpResponse<String> unknown = as("ikc-5").as("demo-geen-partner").get("/api/v1/submissions");

    assertProblem(none, 401, "NIET_GEAUTHENTICEERD");
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("Bearer"));
    assertThat(json(none).get("detail").asString()).contains("Authorization: Bearer");
    assertProblem(unknown, 401, "NIET_GEAUTHENTICEERD");
  }

  @Test
  void aPartnerSeesOnlyItsOwnReceiptsAnotherPartnersAsUnknownAndMayNotReportAnotherPartnersIndicator() {
    String id = json(as("ikc-5").postCsv("/api/v1/submissions", rows("eigen " + UUID.randomUUID())))
        .get("submissionId").asString();

    double deniedBefore = denied();
    HttpResponse<String> theirs = as("ikc-6").get("/api/v1/submissions/" + id);
    HttpResponse<String> unknown = as("ikc-6").get("/api/v1/submissions/" + UUID.randomUUID());
    assertThat(denied()).as("the hidden denial is still counted").isGreaterThan(deniedBefore);
    assertProblem(theirs, 404, "AANLEVERING_ONBEKEND");
    assertThat(withoutInstance(json(theirs))).as("another partner's delivery answers as an unknown id")
        .isEqualTo(withoutInstance(json(unknown)));
    assertThat(theirs.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
    assertThat(json(theirs).get("detail").asString()).doesNotContain(id);
    assertThat(json(as("ikc-6").get("/api/v1/submissions?limit=100")).get("submissions").valueStream()
        .map(r -> r.get("submissionId").asString())).doesNotContain(id);
    HttpResponse<String> notAllowed = as("ikc-6").postCsv("/api/v1/submissions", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;" + UUID.randomUUID() + "\n");
    assertProblem(notAllowed, 403, "INDICATOR_NIET_TOEGESTAAN");
    assertThat(json(notAllowed).get("errors").get(0).get("line").asLong()).isEqualTo(2);
  }

  @Test
  void nothingValidIs422WithLineFieldAndReasonOfEveryError() {
    HttpResponse<String> response = as("ikc-7").postCsv("/api/v1/submissions", HEADER
        + "ikc-medewerkers-getraind;Bilgaardt;2024;3;" + UUID.randomUUID() + "\n"
        + "ikc-medewerkers-getraind;Bilgaard;2024-13;3;\n");

    assertProblem(response, 422, "NIETS_VERWERKT");
    JsonNode problem = json(response);
    assertThat(problem.get("errors").valueStream().map(e -> e.get("line").asLong() + " "
        + e.get("field").asString() + " " + e.get("code").asString()))
        .containsExactly("2 wijk WIJK_ONBEKEND", "3 periode PERIODE_ONGELDIG");
    assertThat(problem.get("receipt").get("status").asString()).isEqualTo("REJECTED");
  }

  @Test
  void tooLargeUnsupportedAndMalformedRequestsAreRefusedWithoutA500() {
    ApiClient ikc = as("ikc-8");
    byte[] big = (HEADER + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

    assertProblem(ikc.post("/api/v1/submissions", "text/csv", big), 413, "BESTAND_TE_GROOT");
    assertProblem(ikc.upload("/api/v1/submissions", "groot.csv", big), 413, "BESTAND_TE_GROOT");
    assertProblem(ikc.post("/api/v1/submissions", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8)), 415,
        "FORMAAT_ONBEKEND");
    assertProblem(ikc.upload("/api/v1/submissions", "tellingen.pdf", "%PDF".getBytes(StandardCharsets.UTF_8)),
        415, "FORMAAT_ONBEKEND");
    assertProblem(ikc.postCsv("/api/v1/submissions?bestandsnaam=x.json", rows("")), 400, "BESTANDSNAAM_PAST_NIET");
    assertProblem(ikc.postCsv("/api/v1/submissions", rows(""), "Idempotency-Key", "met spatie"), 400,
        "IDEMPOTENCY_KEY_ONGELDIG");
  }

  @Test
  void morePerMinuteThanTheLimitIs429WithRetryAfter() {
    ApiClient ikc = as("ikc-9");
    // The bucket refills one call every 60 s / limit: on a loaded machine a call may come back after a refill, so
    // the calls are counted until the first refusal and the refills during the burst are allowed for.
    long started = System.nanoTime();
    int answered = 0;
    HttpResponse<String> limited = ikc.get("/api/v1/submissions");
    while (limited.statusCode() == 200 && answered <= 2 * REQUESTS_PER_MINUTE) {
      answered++;
      limited = ikc.get("/api/v1/submissions");
    }
    long refilled = Duration.ofNanos(System.nanoTime() - started).toMillis() * REQUESTS_PER_MINUTE
        / Duration.ofMinutes(1).toMillis();

    assertThat(answered).as("calls answered before the first refusal").isBetween(REQUESTS_PER_MINUTE,
        REQUESTS_PER_MINUTE + (int) refilled);
    assertProblem(limited, 429, "TE_VEEL_VERZOEKEN");
    assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 60L));
    assertThat(as("ikc-10").get("/api/v1/submissions").statusCode()).as("other partners are not limited")
        .isEqualTo(200);
  }

  @Test
  void theServedOpenApiDescriptionHasExactlyTheOperationsTheHubServes() {
    JsonNode description = json(new ApiClient(port, null).get("/api/v1/openapi.json"));
    Set<String> described = new TreeSet<>(OpenApiDescriptionTest.operations(description));
    Set<String> served = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(p -> p.startsWith("/api/v1/"))
        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + p))));

    assertThat(description.get("info").get("version").asString()).isEqualTo(ApiVersionHeader.VERSION);
    assertThat(served).isEqualTo(described);
  }

  /** Denials counted in the submissions' area, as operators read them. */
  private double denied() {
    HttpResponse<String> metric = ApiClient.demoUser(port, "demo-beheer").get(
        "/actuator/metrics/wijkhub.security.denied?tag=area:/api/v1/submissions/**");
    return metric.statusCode() == 404 ? 0 : json(metric).get("measurements").get(0).get("value").asDouble();
  }

  /** The problem without its instance, which is the path asked for and so differs by the id. */
  private static JsonNode withoutInstance(JsonNode problem) {
    return ((ObjectNode) problem.deepCopy()).without("instance");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
  }
}
