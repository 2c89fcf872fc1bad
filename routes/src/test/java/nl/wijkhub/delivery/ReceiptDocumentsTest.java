package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReceiptDocumentsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant SUMMER = Instant.parse("2024-07-01T10:00:00Z");
  private static final Instant WINTER = Instant.parse("2025-01-15T08:05:09Z");

  private static SubmissionReceipt receipt(ReceiptStatus status, long accepted, long rejected,
      List<ReceiptError> errors, long omitted) {
    return SubmissionReceipt.newBuilder()
        .setSubmissionId("3f6c9a")
        .setPartner("dbieb")
        .setChannel("FILE")
        .setSourceName("dbieb-2024.csv")
        .setSha256("9b1f")
        .setStatus(status)
        .setAccepted(accepted)
        .setRejected(rejected)
        .setErrors(errors)
        .setErrorsOmitted(omitted)
        .setDuplicateOf(status == ReceiptStatus.DUPLICATE ? "1a2b" : null)
        .setReceivedAt(SUMMER)
        .setCompletedAt(SUMMER.plusMillis(1250))
        .build();
  }

  private static ReceiptError error(Long line, String field, String code, String message) {
    return new ReceiptError(line, field, code, message);
  }

  private static final List<ReceiptError> TWO_ERRORS = List.of(
      error(4L, "wijk", "WIJK_ONBEKEND", "De wijk 'Bilgaardt' is onbekend."),
      error(6L, null, "TE_VEEL_KOLOMMEN", "Deze regel heeft 1 kolom(men) meer dan de kopregel."));

  @Test
  void jsonHoldsEveryReceiptFieldAndParsesBack() {
    String json = ReceiptDocuments.json(receipt(ReceiptStatus.PARTIALLY_ACCEPTED, 9, 2, TWO_ERRORS, 0));

    JsonNode doc = JSON.readTree(json);
    assertThat(doc.propertyNames()).containsExactly("submissionId", "partner", "channel", "sourceName", "sha256",
        "status", "accepted", "rejected", "errors", "errorsOmitted", "duplicateOf", "dryRun", "idempotencyKey",
        "references", "receivedAt", "completedAt");
    assertThat(doc.get("references").isEmpty()).as("counts have no row ids").isTrue();
    assertThat(doc.get("dryRun").asBoolean()).isFalse();
    assertThat(doc.get("idempotencyKey").isNull()).isTrue();
    assertThat(doc.get("submissionId").asString()).isEqualTo("3f6c9a");
    assertThat(doc.get("partner").asString()).isEqualTo("dbieb");
    assertThat(doc.get("channel").asString()).isEqualTo("FILE");
    assertThat(doc.get("sourceName").asString()).isEqualTo("dbieb-2024.csv");
    assertThat(doc.get("sha256").asString()).isEqualTo("9b1f");
    assertThat(doc.get("status").asString()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(doc.get("accepted").asLong()).isEqualTo(9);
    assertThat(doc.get("rejected").asLong()).isEqualTo(2);
    assertThat(doc.get("errorsOmitted").asLong()).isZero();
    assertThat(doc.get("duplicateOf").isNull()).isTrue();
    assertThat(doc.get("receivedAt").asString()).isEqualTo("2024-07-01T10:00:00Z");
    assertThat(doc.get("completedAt").asString()).isEqualTo("2024-07-01T10:00:01.250Z");
    JsonNode first = doc.get("errors").get(0);
    assertThat(first.get("line").asLong()).isEqualTo(4);
    assertThat(first.get("field").asString()).isEqualTo("wijk");
    assertThat(first.get("code").asString()).isEqualTo("WIJK_ONBEKEND");
    assertThat(first.get("message").asString()).isEqualTo("De wijk 'Bilgaardt' is onbekend.");
    assertThat(doc.get("errors").get(1).get("field").isNull()).as("row-level problem").isTrue();
    assertThat(json).endsWith("}\n");
  }

  @Test
  void jsonOfARefusedFileHasAnErrorWithoutLineOrField() {
    JsonNode doc = JSON.readTree(ReceiptDocuments.json(receipt(ReceiptStatus.REJECTED, 0, 0,
        List.of(error(null, null, "BESTAND_LEEG", "Het bestand is leeg.")), 0)));

    JsonNode error = doc.get("errors").get(0);
    assertThat(error.get("line").isNull()).isTrue();
    assertThat(error.get("field").isNull()).isTrue();
    assertThat(error.get("code").asString()).isEqualTo("BESTAND_LEEG");
  }

  @Test
  void jsonOfADuplicateNamesTheOriginal() {
    JsonNode doc = JSON.readTree(ReceiptDocuments.json(receipt(ReceiptStatus.DUPLICATE, 0, 0, List.of(), 0)));

    assertThat(doc.get("status").asString()).isEqualTo("DUPLICATE");
    assertThat(doc.get("duplicateOf").asString()).isEqualTo("1a2b");
    assertThat(doc.get("errors").isEmpty()).isTrue();
  }

  @Test
  void jsonKeepsDutchCharactersAndQuotesIntact() {
    List<ReceiptError> errors = List.of(error(2L, "toelichting", "X", "Tekst met \"aanhalingstekens\" en café"));

    JsonNode doc = JSON.readTree(ReceiptDocuments.json(receipt(ReceiptStatus.REJECTED, 0, 1, errors, 0)));

    assertThat(doc.get("errors").get(0).get("message").asString())
        .isEqualTo("Tekst met \"aanhalingstekens\" en café");
  }

  @Test
  void textNamesLineAndFieldOfEveryError() {
    String text = ReceiptDocuments.text(receipt(ReceiptStatus.PARTIALLY_ACCEPTED, 9, 2, TWO_ERRORS, 0));

    assertThat(text).contains("Bestand:    dbieb-2024.csv", "Partner:    dbieb", "Kenmerk:    3f6c9a",
        "Uitkomst:   gedeeltelijk geaccepteerd", "Verwerkt:   9 regels", "Afgewezen:  2 regels",
        "Wat niet goed ging:",
        "- Regel 4, kolom wijk: De wijk 'Bilgaardt' is onbekend. [WIJK_ONBEKEND]",
        "- Regel 6: Deze regel heeft 1 kolom(men) meer dan de kopregel. [TE_VEEL_KOLOMMEN]",
        "lever ze opnieuw aan");
  }

  @Test
  void textOfARefusedFileGivesTheReasonWithoutALine() {
    String text = ReceiptDocuments.text(receipt(ReceiptStatus.REJECTED, 0, 0,
        List.of(error(null, null, "KOLOM_ONBEKEND", "De kopregel bevat onbekende kolommen: aantal.")), 0));

    assertThat(text).contains("Uitkomst:   afgewezen: er is niets verwerkt.",
        "- De kopregel bevat onbekende kolommen: aantal. [KOLOM_ONBEKEND]");
    assertThat(text).doesNotContain("Regel ");
  }

  @Test
  void textUsesSingularForOneRow() {
    String text = ReceiptDocuments.text(receipt(ReceiptStatus.PARTIALLY_ACCEPTED, 1, 1, TWO_ERRORS.subList(0, 1), 0));

    assertThat(text).contains("Verwerkt:   1 regel\n", "Afgewezen:  1 regel\n");
  }

  @Test
  void textOfAnAcceptedDeliveryHasNoErrorSection() {
    String text = ReceiptDocuments.text(receipt(ReceiptStatus.ACCEPTED, 3, 0, List.of(), 0));

    assertThat(text).contains("Uitkomst:   geaccepteerd: alle regels zijn verwerkt.", "Afgewezen:  0 regels");
    assertThat(text).doesNotContain("Wat niet goed ging", "opnieuw aan");
  }

  @Test
  void trialReceiptSaysNothingWasStoredAndTheRealOneDoesNot() {
    SubmissionReceipt real = receipt(ReceiptStatus.ACCEPTED, 2, 0, List.of(), 0);
    SubmissionReceipt trial = SubmissionReceipt.newBuilder(real).setDryRun(true).build();

    assertThat(ReceiptDocuments.text(trial)).contains("Proef:", "proefaanlevering; er is niets opgeslagen");
    assertThat(ReceiptDocuments.json(trial)).contains("\"dryRun\" : true");
    assertThat(ReceiptDocuments.text(real)).doesNotContain("Proef");
  }

  @Test
  void textOfADuplicateNamesTheOriginalDelivery() {
    assertThat(ReceiptDocuments.text(receipt(ReceiptStatus.DUPLICATE, 0, 0, List.of(), 0)))
        .contains("dubbel", "kenmerk 1a2b");
  }

  @Test
  void textSaysHowManyErrorsWereLeftOff() {
    List<ReceiptError> errors = new ArrayList<>();
    for (long line = 2; line < 1002; line++) {
      errors.add(error(line, "wijk", "WIJK_ONBEKEND", "onbekend"));
    }

    String text = ReceiptDocuments.text(receipt(ReceiptStatus.REJECTED, 0, 1005, errors, 5));

    assertThat(text).contains("- Regel 1001, kolom wijk: onbekend", "… en nog 5 fouten");
    assertThat(JSON.readTree(ReceiptDocuments.json(receipt(ReceiptStatus.REJECTED, 0, 1005, errors, 5)))
        .get("errorsOmitted").asLong()).isEqualTo(5);
  }

  @Test
  void textShowsTheReceiveTimeInDutchLocalTime() {
    assertThat(ReceiptDocuments.text(receipt(ReceiptStatus.ACCEPTED, 1, 0, List.of(), 0)))
        .as("summer time, UTC+2").contains("Ontvangen:  1-7-2024 12:00:00");
    SubmissionReceipt winter = SubmissionReceipt.newBuilder(receipt(ReceiptStatus.ACCEPTED, 1, 0, List.of(), 0))
        .setReceivedAt(WINTER).build();
    assertThat(ReceiptDocuments.text(winter)).as("winter time, UTC+1").contains("Ontvangen:  15-1-2025 09:05:09");
  }
}
