package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class AdmissionTest {

  private final Admission admission =
      new Admission(new DeliverySettings(DataSize.ofMegabytes(10), Duration.ofSeconds(60), 3));

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

  @Test
  void binaryBytesUnderATextNameAreRefusedSayingWhatTheyLookLike(@TempDir Path folder) throws IOException {
    assertThat(code(admission.refusal(file(folder, "a.csv", new byte[] {'P', 'K', 3, 4, 20, 0})))).isEqualTo("BESTAND_IS_ZIP");
    assertThat(code(admission.refusal(file(folder, "b.csv", new byte[] {0x1F, (byte) 0x8B, 8})))).isEqualTo("BESTAND_IS_GZIP");
    assertThat(code(admission.refusal(file(folder, "c.json", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))))
        .isEqualTo("BESTAND_IS_PDF");
    assertThat(code(admission.refusal(file(folder, "d.txt", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))))
        .isEqualTo("BESTAND_IS_OUD_OFFICE");
    assertThat(code(admission.refusal(file(folder, "e.csv", new byte[] {'a', ';', 0, 'b', '\n'}))))
        .isEqualTo("BESTAND_IS_BINAIR");
  }

  @Test
  void textAndUtf16WithByteOrderMarkAndWorkbooksAreAdmitted(@TempDir Path folder) throws IOException {
    assertThat(code(admission.refusal(file(folder, "a.csv", "indicator;wijk\n".getBytes(StandardCharsets.UTF_8)))))
        .isEqualTo("admitted");
    byte[] utf16 = "\uFEFFindicator\twijk\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(code(admission.refusal(file(folder, "b.txt", utf16)))).isEqualTo("admitted");
    assertThat(code(admission.refusal(file(folder, "c.xlsx", new byte[] {'P', 'K', 3, 4})))).isEqualTo("admitted");
  }

  private static Delivery file(Path folder, String name, byte[] bytes) throws IOException {
    Path file = Files.write(folder.resolve(name), bytes);
    return Delivery.of("dbieb", "FILE", name, file, "", bytes.length, Fixtures.RECEIVED_AT);
  }

  private static Delivery delivery(String name, long size) {
    return Delivery.of("dbieb", "FILE", name, Path.of(name), "", size, Fixtures.RECEIVED_AT);
  }

  private static String code(Optional<Problem> problem) {
    return problem.map(Problem::code).orElse("admitted");
  }
}
