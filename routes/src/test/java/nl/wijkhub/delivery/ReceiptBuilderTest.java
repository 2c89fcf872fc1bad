package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.Fixtures.RECEIVED_AT;
import static nl.wijkhub.delivery.Fixtures.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.junit.jupiter.api.Test;

class ReceiptBuilderTest {

  private static final Instant COMPLETED_AT = RECEIVED_AT.plusSeconds(2);

  private final ReceiptBuilder builder = new ReceiptBuilder(delivery("dbieb"));

  private static Problem problem(long line, String field, String code) {
    return Problem.ofField(line, field, code, "uitleg bij " + code, null);
  }

  @Test
  void allRowsAcceptedIsAccepted() {
    builder.accepted();
    builder.accepted();

    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(receipt.getAccepted()).isEqualTo(2);
    assertThat(receipt.getRejected()).isZero();
    assertThat(receipt.getErrors()).isEmpty();
    assertThat(receipt.getErrorsOmitted()).isZero();
  }

  @Test
  void someRowsRejectedIsPartiallyAcceptedWithTheErrorsInFileOrder() {
    builder.accepted();
    builder.rejected(List.of(problem(3, "wijk", "WIJK_ONBEKEND"), problem(3, "waarde", "WAARDE_NEGATIEF")));
    builder.accepted();
    builder.rejected(List.of(problem(5, null, "TE_VEEL_KOLOMMEN")));

    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.PARTIALLY_ACCEPTED);
    assertThat(receipt.getAccepted()).isEqualTo(2);
    assertThat(receipt.getRejected()).as("rows, not problems").isEqualTo(2);
    assertThat(receipt.getErrors()).extracting(ReceiptError::getLine, ReceiptError::getField, ReceiptError::getCode,
        ReceiptError::getMessage).containsExactly(
            tuple(3L, "wijk", "WIJK_ONBEKEND", "uitleg bij WIJK_ONBEKEND"),
            tuple(3L, "waarde", "WAARDE_NEGATIEF", "uitleg bij WAARDE_NEGATIEF"),
            tuple(5L, null, "TE_VEEL_KOLOMMEN", "uitleg bij TE_VEEL_KOLOMMEN"));
  }

  @Test
  void noRowAcceptedIsRejected() {
    builder.rejected(List.of(problem(2, "indicator", "INDICATOR_ONBEKEND")));

    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(receipt.getRejected()).isEqualTo(1);
  }

  @Test
  void refusedDeliveryWithOnlyAFileErrorIsRejectedWithThatError() {
    builder.error(Problem.ofFile("KOLOM_ONBEKEND", "onbekende kolom"));

    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(receipt.getAccepted()).isZero();
    assertThat(receipt.getRejected()).isZero();
    assertThat(receipt.getErrors()).singleElement().satisfies(e -> {
      assertThat(e.getLine()).isNull();
      assertThat(e.getField()).isNull();
      assertThat(e.getCode()).isEqualTo("KOLOM_ONBEKEND");
    });
  }

  @Test
  void acceptedRowsWithAnErrorOutsideAnyRowArePartiallyAccepted() {
    builder.accepted();
    builder.error(Problem.ofFile("IETS", "iets met het bestand"));

    assertThat(builder.build(COMPLETED_AT).getStatus()).isEqualTo(ReceiptStatus.PARTIALLY_ACCEPTED);
  }

  @Test
  void errorsAreCappedAtAThousandAndTheRestIsCountedAsOmitted() {
    builder.accepted();
    for (int line = 2; line < 2 + 1200; line++) {
      builder.rejected(List.of(problem(line, "wijk", "WIJK_ONBEKEND")));
    }
    builder.rejected(List.of(problem(1202, "wijk", "WIJK_ONBEKEND"), problem(1202, "waarde", "WAARDE_NEGATIEF")));

    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getErrors()).hasSize(ReceiptBuilder.MAX_ERRORS);
    assertThat(receipt.getErrors().get(0).getLine()).isEqualTo(2L);
    assertThat(receipt.getErrors().get(999).getLine()).as("the first thousand are kept").isEqualTo(1001L);
    assertThat(receipt.getErrorsOmitted()).isEqualTo(202);
    assertThat(receipt.getRejected()).as("every rejected row still counts").isEqualTo(1201);
    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.PARTIALLY_ACCEPTED);
  }

  @Test
  void exactlyAThousandErrorsOmitNothing() {
    for (int line = 2; line < 2 + ReceiptBuilder.MAX_ERRORS; line++) {
      builder.rejected(List.of(problem(line, "wijk", "WIJK_ONBEKEND")));
    }

    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getErrors()).hasSize(1000);
    assertThat(receipt.getErrorsOmitted()).isZero();
  }

  @Test
  void receiptCarriesTheDeliveryAndTheCompletionTime() {
    SubmissionReceipt receipt = builder.build(COMPLETED_AT);

    assertThat(receipt.getSubmissionId()).isEqualTo("sub-1");
    assertThat(receipt.getPartner()).isEqualTo("dbieb");
    assertThat(receipt.getChannel()).isEqualTo("FILE");
    assertThat(receipt.getSourceName()).isEqualTo("dbieb-2024.csv");
    assertThat(receipt.getSha256()).isEqualTo("abc123");
    assertThat(receipt.getReceivedAt()).isEqualTo(RECEIVED_AT);
    assertThat(receipt.getCompletedAt()).isEqualTo(COMPLETED_AT);
    assertThat(receipt.getDuplicateOf()).isNull();
  }

  @Test
  void duplicateDeliveryPointsAtTheCurrentDeliveryAndTakesNothing() {
    builder.accepted();

    SubmissionReceipt receipt = builder.duplicateOf("first", COMPLETED_AT);

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.DUPLICATE);
    assertThat(receipt.getDuplicateOf()).isEqualTo("first");
    assertThat(receipt.getSubmissionId()).isEqualTo("sub-1");
    assertThat(receipt.getAccepted()).isZero();
    assertThat(receipt.getRejected()).isZero();
    assertThat(receipt.getErrors()).isEmpty();
  }
}
