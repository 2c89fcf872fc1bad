package nl.wijkhub.delivery;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.WijkhubApplication;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.DropFolderDriver;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two hub instances on one broker, both started before any request: each follows the ledger the other writes, so a
 * retry or a re-delivery is judged the same whichever instance it reaches.
 */
@ExtendWith(TestInfrastructure.class)
class TwoHubsLedgerIT {

  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  private static final Path FIRST_DATA = TestInfrastructure.tempDir("wijkhub-first");
  private static final Path SECOND_DATA = TestInfrastructure.tempDir("wijkhub-second");

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  @BeforeAll
  static void startTwoHubs() {
    first = start(FIRST_DATA);
    second = start(SECOND_DATA);
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext hub : new ConfigurableApplicationContext[] {first, second}) {
      if (hub != null) {
        hub.close();
      }
    }
  }

  @Test
  void anIdempotencyKeyRetryOnAnotherHubThatStartedBeforeTheFirstRequestGetsTheFirstReceipt() {
    String key = UUID.randomUUID().toString();
    String content = HEADER + "ikc-medewerkers-getraind;Bilgaard;2016;5;sleutel " + key + "\n";

    HttpResponse<String> original = api(first, "ikc-2").postCsv("/api/v1/submissions", content,
        "Idempotency-Key", key);
    assertThat(original.statusCode()).as(original.body()).isEqualTo(202);
    String id = json(original).get("submissionId").asString();
    // The second hub's ledger first reads the whole shared ledger topic, which late in a full run is long.
    await().atMost(TestInfrastructure.STORE_CATCH_UP)
        .until(() -> api(second, "ikc-2").get("/api/v1/submissions/" + id).statusCode() == 200);

    HttpResponse<String> retry = api(second, "ikc-2").postCsv("/api/v1/submissions", content,
        "Idempotency-Key", key);

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
    assertThat(json(retry).get("submissionId").asString()).isEqualTo(id);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> key.equals(r.getIdempotencyKey()))).hasSize(1);
  }

  @Test
  void anEarlierFileSentAgainIsTheNewestRevisionAndTheCurrentOneSentAgainIsADuplicateOnAnyChannel() {
    String marker = "herhaling " + UUID.randomUUID();
    String a = HEADER + "ikc-medewerkers-getraind;Vrijheidswijk;2016;11;" + marker + "\n";
    String b = HEADER + "ikc-medewerkers-getraind;Vrijheidswijk;2016;99;" + marker + "\n";
    ApiClient ikc = api(first, "ikc-3");

    JsonNode aFirst = accepted(ikc.postCsv("/api/v1/submissions?bestandsnaam=a.csv", a));
    JsonNode wrong = accepted(ikc.postCsv("/api/v1/submissions?bestandsnaam=b.csv", b));
    JsonNode aAgain = accepted(ikc.postCsv("/api/v1/submissions?bestandsnaam=a.csv", a));

    assertThat(aAgain.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(aAgain.get("submissionId").asString()).isNotIn(aFirst.get("submissionId").asString(),
        wrong.get("submissionId").asString());
    IndicatorObservation newest = TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
            o -> marker.equals(o.getNote())).stream().map(r -> r.value())
        .max(Comparator.comparingLong(IndicatorObservation::getRevision)).orElseThrow();
    assertThat(newest.getSubmissionId()).isEqualTo(aAgain.get("submissionId").asString());
    assertThat(newest.getValue()).isEqualTo(11.0);

    String current = aAgain.get("submissionId").asString();
    await().atMost(TestInfrastructure.STORE_CATCH_UP)
        .until(() -> api(second, "ikc-3").get("/api/v1/submissions/" + current).statusCode() == 200);
    JsonNode overApi = accepted(api(second, "ikc-3").postCsv("/api/v1/submissions?bestandsnaam=anders.csv", a));
    new DropFolderDriver(SECOND_DATA).deliver("ikc-3", "nogmaals.csv", a);
    JsonNode overFolder = new DropFolderDriver(SECOND_DATA).awaitReceipt("ikc-3", "nogmaals.csv");

    for (JsonNode duplicate : new JsonNode[] {overApi, overFolder}) {
      assertThat(duplicate.get("status").asString()).isEqualTo("DUPLICATE");
      assertThat(duplicate.get("duplicateOf").asString()).isEqualTo(current);
    }
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> marker.equals(o.getNote()))).hasSize(3);
  }

  private static JsonNode accepted(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response);
  }

  private static ApiClient api(ConfigurableApplicationContext hub, String partnerKey) {
    return new ApiClient(hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
        "demo-" + partnerKey);
  }

  private static ConfigurableApplicationContext start(Path data) {
    Map<String, Object> props = new HashMap<>(TestInfrastructure.hubProperties(data, TestInfrastructure.isolation()));
    props.put("server.port", "0");
    return new SpringApplicationBuilder(WijkhubApplication.class)
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }
}
