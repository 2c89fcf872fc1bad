package nl.wijkhub.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.delivery.CharsetSniffer;
import nl.wijkhub.delivery.ControlCharacters;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.Delivery.DeliveryFormat;
import nl.wijkhub.delivery.DeliveryPipeline;
import nl.wijkhub.delivery.DeliveryRefused;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.ReceiptBuilder;
import nl.wijkhub.delivery.RowSink;
import nl.wijkhub.reference.Partner;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-looking partner exports in {@code src/test/resources/deliveries/}, each with a {@code .expected} file beside
 * it, read and validated against the hub's own reference data the way {@link DeliveryPipeline} does. The expected file
 * holds {@code partner <id>}, {@code status <receipt status>}, then one line per outcome in file order:
 * {@code <line> accepted <indicator> <wijk> <period> <value>[ | <note>]}, {@code <line> <CODE> <field or ->}, or
 * {@code refused <CODE> <line or ->} for a delivery refused as a whole. Lines starting with # are comments.
 */
class GoldenDeliveriesTest {

  private static final String EXPECTED = ".expected";

  @TestFactory
  Stream<DynamicTest> everyGoldenDeliveryGivesItsExpectedOutcome() throws IOException, URISyntaxException {
    Path folder = Path.of(GoldenDeliveriesTest.class.getResource("/deliveries").toURI());
    List<Path> deliveries;
    try (Stream<Path> files = Files.list(folder)) {
      deliveries = files.filter(f -> DeliveryFormat.ofFileName(f.toString()).isPresent()).sorted().toList();
    }
    assertThat(deliveries).as("golden deliveries in " + folder).hasSizeGreaterThanOrEqualTo(5);
    return deliveries.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      Path expectedFile = file.resolveSibling(file.getFileName() + EXPECTED);
      assertThat(expectedFile).as("every delivery needs its %s file", EXPECTED).exists();
      List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      String partnerId = expected.get(0).replaceFirst("^partner ", "");
      assertThat(outcome(file, partnerId)).as(file.getFileName().toString())
          .isEqualTo(String.join("\n", expected));
    }));
  }

  @TestFactory
  Stream<DynamicTest> examplesInThePartnerDocumentationGiveTheOutcomeTheyPromise() {
    return Stream.of(
        DynamicTest.dynamicTest("docs/sjabloon-aanlevering.csv", () -> assertThat(
            outcome(Path.of("../docs/sjabloon-aanlevering.csv"), "dbieb").lines().skip(1))
            .containsExactly("status ACCEPTED",
                "2 accepted taalmaatjes-gekoppeld bilgaard 2024 7 | voorbeeldregel: vervang door je eigen cijfers",
                "3 accepted basisvaardigheden-deelnemers vrijheidswijk 2024-Q3 12 | voorbeeldregel: periode mag een"
                    + " jaar, kwartaal (2024-Q3) of maand (2024-09) zijn")),
        DynamicTest.dynamicTest("docs/sjabloon-aanlevering.xlsx", () -> assertThat(
            outcome(Path.of("../docs/sjabloon-aanlevering.xlsx"), "dbieb"))
            .isEqualTo(outcome(Path.of("../docs/sjabloon-aanlevering.csv"), "dbieb"))),
        DynamicTest.dynamicTest("examples/dbieb-2024.csv", () -> assertThat(
            outcome(Path.of("../examples/dbieb-2024.csv"), "dbieb").lines().skip(1))
            .startsWith("status ACCEPTED").hasSize(1 + 9)),
        DynamicTest.dynamicTest("examples/dbieb-2024-met-fouten.csv", () -> assertThat(
            outcome(Path.of("../examples/dbieb-2024-met-fouten.csv"), "dbieb")).isEqualTo(String.join("\n",
                "partner dbieb",
                "status PARTIALLY_ACCEPTED",
                "2 accepted taalmaatjes-gekoppeld bilgaard 2024 7",
                "3 accepted basisvaardigheden-deelnemers vrijheidswijk 2024 37",
                "4 WIJK_ONBEKEND wijk",
                "5 WAARDE_NEGATIEF waarde",
                "6 WAARDE_DUBBELZINNIG waarde"))));
  }

  /** A partner that suppresses small numbers at source writes "<5", in a CSV, as JSON text or in a sheet's cell. */
  @Test
  void valueWithheldAtSourceIsAcceptedInEveryFormat(@TempDir Path dir) throws IOException {
    Path csv = Files.writeString(dir.resolve("afgeschermd.csv"),
        "indicator;wijk;periode;waarde\ntaalmaatjes-gekoppeld;bilgaard;2024;<5\ntaalmaatjes-gekoppeld;oud-oost;2024;12\n");
    Path json = Files.writeString(dir.resolve("afgeschermd.json"), """
        [{"indicator": "taalmaatjes-gekoppeld", "wijk": "bilgaard", "periode": "2024", "waarde": "<5"},
         {"indicator": "taalmaatjes-gekoppeld", "wijk": "oud-oost", "periode": "2024", "waarde": 12}]""");
    Path xlsx = dir.resolve("afgeschermd.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = workbook.createSheet("cijfers");
      List<String> header = List.of("indicator", "wijk", "periode", "waarde");
      Row top = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        top.createCell(c).setCellValue(header.get(c));
      }
      Row withheld = sheet.createRow(1);
      withheld.createCell(0).setCellValue("taalmaatjes-gekoppeld");
      withheld.createCell(1).setCellValue("bilgaard");
      withheld.createCell(2).setCellValue("2024");
      withheld.createCell(3).setCellValue("<5");
      Row exact = sheet.createRow(2);
      exact.createCell(0).setCellValue("taalmaatjes-gekoppeld");
      exact.createCell(1).setCellValue("oud-oost");
      exact.createCell(2).setCellValue("2024");
      exact.createCell(3).setCellValue(12);
      workbook.write(out);
    }

    for (Path file : List.of(csv, json, xlsx)) {
      // Lines differ per format (a JSON line is the position in the array), so they are left out.
      assertThat(outcome(file, "dbieb").lines().skip(1).map(l -> l.replaceFirst("^\\d+ ", "")))
          .as(file.getFileName().toString()).containsExactly("status ACCEPTED",
              "accepted taalmaatjes-gekoppeld bilgaard 2024 <5", "accepted taalmaatjes-gekoppeld oud-oost 2024 12");
    }
  }

  /** The outcome as the .expected file writes it. */
  private static String outcome(Path file, String partnerId) throws IOException {
    Delivery delivery = new Delivery("golden", partnerId, "FILE", file.getFileName().toString(), file, "sha",
        Files.size(file), Fixtures.RECEIVED_AT, false, null, Delivery.Kind.COUNTS);
    try {
      return ingest(delivery, null);
    } catch (DeliveryPipeline.EncodingChanged e) {
      return ingest(delivery, CharsetSniffer.WINDOWS_1252);
    }
  }

  /** Reads as DeliveryPipeline does and validates like it, minus Kafka: blank rows skipped, a refusal replaces all. */
  private static String ingest(Delivery delivery, Charset charset) {
    Partner partner = Fixtures.partner(delivery.partnerId());
    CountValidator validator = new CountValidator(Fixtures.reference());
    ReceiptBuilder receipt = new ReceiptBuilder(delivery);
    List<String> lines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    RowSink sink = row -> {
      if (row.isBlank()) {
        return;
      }
      problems.addAll(row.cellProblems());
      ControlCharacters.check(row, CountColumns.LAYOUT, problems);
      IndicatorObservation observation = problems.isEmpty()
          ? validator.validate(row, delivery, partner, problems) : null;
      if (observation != null) {
        receipt.accepted();
        lines.add(accepted(observation));
      } else {
        problems.forEach(p -> lines.add(p.line() + " " + p.code() + " " + (p.field() == null ? "-" : p.field())));
        receipt.rejected(problems);
        problems.clear();
      }
    };
    try {
      DeliveryPipeline.read(delivery, CountColumns.LAYOUT, delivery.format().orElseThrow(), charset, sink);
    } catch (DeliveryRefused e) {
      ReceiptBuilder refusal = new ReceiptBuilder(delivery);
      refusal.error(e.problem());
      return "partner " + delivery.partnerId() + "\nstatus " + refusal.build(Fixtures.RECEIVED_AT).getStatus()
          + "\nrefused " + e.problem().code() + " " + (e.problem().line() == null ? "-" : e.problem().line());
    }
    lines.add(0, "partner " + delivery.partnerId());
    lines.add(1, "status " + receipt.build(Fixtures.RECEIVED_AT).getStatus());
    return String.join("\n", lines);
  }

  private static String accepted(IndicatorObservation o) {
    String value = o.getWithheld() ? "<5" : BigDecimal.valueOf(o.getValue()).stripTrailingZeros().toPlainString();
    String note = o.getNote() == null ? "" : " | " + o.getNote().replace("\r", "\\r").replace("\n", "\\n");
    return o.getLine() + " accepted " + o.getIndicator() + " " + o.getWijk() + " " + o.getPeriod() + " " + value
        + note;
  }
}
