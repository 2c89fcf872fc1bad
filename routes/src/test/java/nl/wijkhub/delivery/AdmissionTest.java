package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AdmissionTest {

  private final Admission admission = new Admission(new DeliverySettings(DataSize.ofMegabytes(10), Duration.ofSeconds(60)));

  @Test
  void readableDeliveryWithinTheLimitIsAdmitted() {
    assertThat(admission.refusal(delivery("tellingen.csv", 100))).isEmpty();
    assertThat(admission.refusal(delivery("tellingen.JSON", 100))).isEmpty();
    assertThat(admission.refusal(delivery("export.txt", 100))).isEmpty();
  }

  @Test
  void emptyDeliveryIsRefusedAsEmpty() {
    assertThat(code(admission.refusal(delivery("tellingen.csv", 0)))).isEqualTo("BESTAND_LEEG");
  }

  @Test
  void deliveryOverTheLimitIsRefusedNamingBothSizesInMegabytes() {
    Optional<Problem> refusal = admission.refusal(delivery("tellingen.csv", DataSize.ofMegabytes(11).toBytes() + 1));

    assertThat(code(refusal)).isEqualTo("BESTAND_TE_GROOT");
    assertThat(refusal.get().message()).contains("12 MB", "maximum is 10 MB");
    assertThat(admission.tooLarge(-1).message()).contains("groter dan 10 MB");
    assertThat(admission.isTooLarge(DataSize.ofMegabytes(10).toBytes())).isFalse();
    assertThat(admission.isTooLarge(DataSize.ofMegabytes(10).toBytes() + 1)).isTrue();
  }

  @Test
  void fileOfAnUnknownFormatIsRefusedNamingTheFile() {
    Optional<Problem> refusal = admission.refusal(delivery("tellingen.pdf", 100));

    assertThat(code(refusal)).isEqualTo("FORMAAT_ONBEKEND");
    assertThat(refusal.get().message()).contains("'tellingen.pdf'");
    assertThat(refusal.get().line()).isNull();
  }

  private static Delivery delivery(String name, long size) {
    return Delivery.of("dbieb", "FILE", name, Path.of(name), "", size, Fixtures.RECEIVED_AT);
  }

  private static String code(Optional<Problem> problem) {
    return problem.map(Problem::code).orElse("admitted");
  }
}
