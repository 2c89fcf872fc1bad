package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import nl.wijkhub.counts.CountColumns;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery that keeps failing for a reason of its own is given up with a receipt; a transient failure is not. */
class FailedAttemptsTest {

  private static final byte[] DELIVERY = ("indicator;wijk;periode;waarde\n"
      + "taalmaatjes-gekoppeld;bilgaard;2024;7\n").getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path folder;

  /** A kind whose rows always fail the same way, as a bug or a broken dependency would make them. */
  private static DeliveryKind failing(RuntimeException failure, AtomicInteger calls) {
    return new DeliveryKind() {
      @Override
      public Delivery.Kind kind() {
        return Delivery.Kind.COUNTS;
      }

      @Override
      public Layout layout() {
        return CountColumns.LAYOUT;
      }

      @Override
      public RowHandler begin(Delivery delivery, EventTransaction tx, ReceiptNotes receipt) {
        return (row, problems) -> {
          calls.incrementAndGet();
          throw failure;
        };
      }
    };
  }

  @Test
  void deliveryFailingTheSameWayIsGivenUpOnItsThirdAttemptWithARejectedReceipt() {
    AtomicInteger calls = new AtomicInteger();
    TrialPipeline pipeline = new TrialPipeline(folder, failing(new IllegalStateException("bug"), calls));

    assertThat(catchThrowable(() -> pipeline.ingest("tellingen.csv", DELIVERY)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(catchThrowable(() -> pipeline.ingest("tellingen.csv", DELIVERY)))
        .isInstanceOf(IllegalStateException.class);
    SubmissionReceipt third = pipeline.ingest("tellingen.csv", DELIVERY);

    assertThat(calls).hasValue(3);
    assertThat(third.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(third.getErrors()).singleElement().satisfies(e -> {
      assertThat(e.getCode()).isEqualTo(FailedAttempts.GIVEN_UP);
      assertThat(e.getMessage()).contains("3 pogingen").doesNotContain("bug", "IllegalState");
    });
    assertThat(FailedAttempts.givenUp(third)).isTrue();
  }

  @Test
  void transientFailureIsNeverGivenUp() {
    AtomicInteger calls = new AtomicInteger();
    TrialPipeline pipeline = new TrialPipeline(folder,
        failing(new TimeoutException("registry did not answer"), calls));

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(catchThrowable(() -> pipeline.ingest("tellingen.csv", DELIVERY)))
          .as("attempt %d", attempt).isInstanceOf(TimeoutException.class);
    }
    assertThat(calls).hasValue(5);
  }
}
