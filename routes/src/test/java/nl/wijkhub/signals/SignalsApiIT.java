package nl.wijkhub.signals;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.multiteam.RoutedSignalReader.OpenedSignal;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signals by API end to end on the real broker and registry: a covenant party's signal reaches the MultiTeam's topic
 * with only what the covenant permits, readable only with the recipient's key; a non-party's reaches no one; and each
 * step is in the processing log, in the same transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class SignalsApiIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-signals-it");
  private static final String PMG = Topics.multiteam("pmg-leeuwarden-oost", Duration.ZERO).name();
  private static final String BSN = "111222333";
  private static final String NAME = "Jan de Vries";
  private static final String NOTE = "Vaak laat op straat bij de snackbar";

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort
  int port;

  @Autowired
  RoutedSignalReader recipient;

  private HttpResponse<String> signal(String partnerId, String soort, String extra) {
    String body = "[{\"soort\": \"" + soort + "\", \"bsn\": \"" + BSN + "\", \"naam\": \"" + NAME + "\","
        + " \"geboortedatum\": \"2010-05-04\", \"wijk\": \"Bilgaard\", \"datum\": \"" + LocalDate.now().minusDays(1)
        + "\", \"professional\": \"A. Agent\", \"contact\": \"0580-123456\", \"toelichting\": \"" + NOTE + "\""
        + extra + "}]";
    return new ApiClient(port, "demo-" + partnerId).post("/api/v1/signals", "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void partysSignalReachesTheMultiTeamSealedAndLogged() {
    HttpResponse<String> response = signal("politie-leeuwarden-oost", "jongere-in-beeld", "");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode receipt = json(response);
    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    String signalId = receipt.get("references").get(0).get("id").asString();
    assertThat(response.body()).doesNotContain(BSN, NAME, NOTE);

    List<ConsumerRecord<String, RoutedSignal>> routed = TopicReader.committed(PMG, RoutedSignal.class,
        s -> s.getSignalId().equals(signalId));
    assertThat(routed).singleElement().satisfies(record -> {
      RoutedSignal signal = record.value();
      assertThat(signal.getRecipient()).isEqualTo("pmg-multiteam");
      assertThat(signal.getSupplier()).isEqualTo("politie-leeuwarden-oost");
      assertThat(signal.getKind()).isEqualTo(RoutedSignalKind.NIEUW);
      assertThat(signal.getWijk()).isEqualTo("bilgaard");
      assertThat(record.key()).isEqualTo(signal.getPseudonyms().get(0)).doesNotContain(BSN);
      OpenedSignal opened = recipient.open(signal);
      assertThat(opened.identity().orElseThrow().getBsn()).isEqualTo(BSN);
      assertThat(opened.identity().orElseThrow().getName()).isEqualTo(NAME);
      assertThat(opened.content().orElseThrow().getNote()).isEqualTo(NOTE);
    });
    assertThat(TopicReader.raw(PMG, "read_uncommitted")).allSatisfy(raw -> assertThat(
        new String(raw.value(), StandardCharsets.ISO_8859_1)).doesNotContain(BSN, NAME, NOTE));

    List<String> steps = TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> signalId.equals(r.getSignalId())).stream().map(r -> r.value().getName()).toList();
    assertThat(steps).containsExactly("ontvangen", "gepseudonimiseerd", "doorgestuurd");
  }

  @Test
  void nonPartysSignalReachesNoOneAndItsRefusalIsLogged() {
    HttpResponse<String> response = signal("dbieb", "jongere-in-beeld", "");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("GEEN_CONVENANT").doesNotContain(BSN, NAME, NOTE);
    String submissionId = json(response).get("submissionId").asString();
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSupplier().equals("dbieb"))).isEmpty();
    assertThat(TopicReader.committed(Topics.REJECTIONS.name(), Rejection.class,
        r -> r.getSubmissionId().equals(submissionId))).singleElement().satisfies(r -> {
          assertThat(r.value().getReasonCode()).isEqualTo("GEEN_CONVENANT");
          assertThat(r.value().getExcerpt()).isNull();
        });
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> "GEEN_CONVENANT".equals(r.getReasonCode()) && "dbieb".equals(r.getOrganisation()))).isNotEmpty();
  }

  @Test
  void supplierWithdrawsItsSignalAndTheWithdrawalReachesTheRecipientWithoutContent() {
    String signalId = json(signal("elkien", "huurachterstand", "")).get("references").get(0).get("id").asString();

    HttpResponse<String> withdrawal = signal("elkien", "huurachterstand",
        ", \"actie\": \"intrekking\", \"signaal\": \"" + signalId + "\"");

    assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(202);
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(signalId)))
        .extracting(r -> r.value().getKind()).containsExactly(RoutedSignalKind.NIEUW, RoutedSignalKind.INTREKKING);
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(signalId)
        && s.getKind() == RoutedSignalKind.INTREKKING)).singleElement()
        .satisfies(r -> assertThat(r.value().getContent()).isNull());
  }

  @Test
  void onlyTheSupplierMayWithdrawItsSignalAndAnUnknownIdIsRefused() {
    // Urgent, so that its content differs from the other tests' signals: the same content again is a duplicate.
    String urgent = ", \"urgentie\": \"hoog\"";
    String signalId = json(signal("elkien", "huurachterstand", urgent)).get("references").get(0).get("id")
        .asString();
    String unknown = java.util.UUID.randomUUID().toString();

    HttpResponse<String> byAnother = signal("politie-leeuwarden-oost", "jongere-in-beeld",
        urgent + ", \"actie\": \"intrekking\", \"signaal\": \"" + signalId + "\"");
    HttpResponse<String> ofUnknown = signal("elkien", "huurachterstand",
        urgent + ", \"actie\": \"correctie\", \"signaal\": \"" + unknown + "\"");
    HttpResponse<String> byItsSupplier = signal("elkien", "huurachterstand",
        urgent + ", \"actie\": \"intrekking\", \"signaal\": \"" + signalId + "\"");
    HttpResponse<String> again = signal("elkien", "huurachterstand",
        urgent + ", \"actie\": \"correctie\", \"signaal\": \"" + signalId + "\"");

    assertThat(byAnother.statusCode()).as(byAnother.body()).isEqualTo(422);
    assertThat(byAnother.body()).contains("SIGNAAL_NIET_VAN_U").doesNotContain(signalId, BSN, NAME);
    assertThat(ofUnknown.statusCode()).as(ofUnknown.body()).isEqualTo(422);
    assertThat(ofUnknown.body()).contains("SIGNAAL_ONBEKEND").doesNotContain(unknown);
    assertThat(byItsSupplier.statusCode()).as(byItsSupplier.body()).isEqualTo(202);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
    assertThat(again.body()).contains("SIGNAAL_AL_INGETROKKEN");
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(signalId)))
        .extracting(r -> r.value().getKind()).containsExactly(RoutedSignalKind.NIEUW, RoutedSignalKind.INTREKKING);
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> signalId.equals(r.getSignalId()) && "geweigerd".equals(r.getName())))
        .extracting(r -> r.value().getOrganisation() + " " + r.value().getReasonCode())
        .containsExactlyInAnyOrder("politie-leeuwarden-oost SIGNAAL_NIET_VAN_U", "elkien SIGNAAL_AL_INGETROKKEN");
  }

  @Test
  void aDeliveryRefusedHalfWayLeavesNeitherItsRoutedSignalNorItsLogRecordVisible() {
    var routedBefore = TopicReader.endOffsets(PMG);
    var loggedBefore = TopicReader.endOffsets(Topics.PROCESSING_LOG.name());
    String body = "[{\"soort\": \"jongere-in-beeld\", \"bsn\": \"" + BSN + "\", \"naam\": \"" + NAME + "\","
        + " \"wijk\": \"Bilgaard\", \"datum\": \"" + LocalDate.now().minusDays(1) + "\", \"professional\":"
        + " \"A. Agent\", \"contact\": \"0580-1\"}, {\"soort\": ";

    HttpResponse<String> response = new ApiClient(port, "demo-politie-leeuwarden-oost").post("/api/v1/signals",
        "application/json", body.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("JSON_ONGELDIG");
    assertThat(TopicReader.committedSince(PMG, routedBefore)).as("routed signals made visible").isZero();
    assertThat(TopicReader.committedSince(Topics.PROCESSING_LOG.name(), loggedBefore))
        .as("processing-log records made visible").isZero();
  }
}
