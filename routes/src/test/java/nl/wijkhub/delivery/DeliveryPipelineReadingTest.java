package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reading pass of the real pipeline ends in a receipt, whatever the bytes. */
class DeliveryPipelineReadingTest {

  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";

  @TempDir
  Path folder;

  private SubmissionReceipt ingest(String name, byte[] bytes) {
    return new TrialPipeline(folder).ingest(name, bytes);
  }

  private static ReceiptError onlyError(SubmissionReceipt receipt) {
    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(receipt.getErrors()).hasSize(1);
    return receipt.getErrors().get(0);
  }

  @Test
  void headerRefusedOnTheWindows1252ReReadStillGivesAReceipt() {
    // The first 64 KB are valid UTF-8 (empty lines); the title line after them is not, and is no header either.
    byte[] bytes = Fixtures.concat("\n".repeat(70_000).getBytes(StandardCharsets.US_ASCII),
        "Overzicht caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, '\n'});

    ReceiptError error = onlyError(ingest("overzicht.csv", bytes));

    assertThat(error.getCode()).isEqualTo("KOPREGEL_ONGELDIG");
    assertThat(error.getLine()).isEqualTo(70_001L);
  }

  @Test
  void oneLineJsonSavedAsTxtIsRefusedAsCsvInsteadOfFailingOnItsLookAhead() {
    String json = "[" + "{\"indicator\":\"taalmaatjes-gekoppeld\",\"wijk\":\"bilgaard\",\"periode\":\"2024\","
        + "\"waarde\":7},".repeat(2_000) + "{}]";

    ReceiptError error = onlyError(ingest("export.txt", json.getBytes(StandardCharsets.UTF_8)));

    assertThat(error.getCode()).as("read from its start with ',' as separator, its quotes do not close fields")
        .isEqualTo("CSV_ONGELDIG");
  }

  @Test
  void nulInAJsonNoteRejectsTheRowWithoutQuotingIt() {
    String json = "[{\"indicator\":\"taalmaatjes-gekoppeld\",\"wijk\":\"bilgaard\",\"periode\":\"2024\","
        + "\"waarde\":7,\"toelichting\":\"geheim\\u0000tekst\"}]";

    ReceiptError error = onlyError(ingest("tellingen.json", json.getBytes(StandardCharsets.UTF_8)));

    assertThat(error.getCode()).isEqualTo("ONGELDIG_TEKEN");
    assertThat(error.getLine()).isEqualTo(1L);
    assertThat(error.getField()).isEqualTo("toelichting");
    assertThat(error.getMessage()).doesNotContain("geheim", "\u0000");
  }

  @Test
  void controlCharacterInACsvCellRejectsOnlyThatRow() {
    String csv = HEADER + "taalmaatjes-gekoppeld;bilgaard;2024;7;\n"
        + "taalmaatjes-gekoppeld;vrijheid\u0007swijk;2024;5;\n";

    SubmissionReceipt receipt = ingest("tellingen.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.PARTIALLY_ACCEPTED);
    assertThat(receipt.getErrors()).singleElement().satisfies(e -> {
      assertThat(e.getCode()).isEqualTo("ONGELDIG_TEKEN");
      assertThat(e.getLine()).isEqualTo(3L);
      assertThat(e.getField()).isEqualTo("wijk");
    });
  }

  @Test
  void gzipBytesUnderACsvNameAreRefusedSayingWhatTheyAre() {
    byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 75, 76, 74, 6, 0};

    assertThat(onlyError(ingest("tellingen.csv", gzip)).getCode()).isEqualTo("BESTAND_IS_GZIP");
  }

  @Test
  void excelUnicodeTextExportIsReadLikeAnyCsv() {
    String tabbed = "indicator\twijk\tperiode\twaarde\ttoelichting\r\n"
        + "taalmaatjes-gekoppeld\tBilgaard\t2024\t7\tkoppels gestart\r\n";
    byte[] bytes = Fixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, tabbed.getBytes(StandardCharsets.UTF_16LE));

    SubmissionReceipt receipt = ingest("tellingen.txt", bytes);

    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(receipt.getAccepted()).isEqualTo(1);
  }
}
