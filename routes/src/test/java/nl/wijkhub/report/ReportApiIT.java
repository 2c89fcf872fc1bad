package nl.wijkhub.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.support.TestInfrastructure;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The yearly report read back as programme staff, after a partner delivered through the API and the figure reached
 * the store: the public CSV hides the small count, the internal XLSX shows it and says it is internal.
 */
class ReportApiIT extends DeliveredFiguresFixture {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-report-it");
  /** Delivered for the whole programme and for two wijken whose sum (55) is not the programme's figure (93). */
  private static final String PROGRAMME_WIDE = "lifecoaching-jongeren";
  /** A year no other test delivers, so the report's figure is exactly this test's. */
  private static final String YEAR = "2019";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    hubProperties(registry, DATA);
  }

  @BeforeAll
  void dbiebDeliversThreeCouplesForOneWijk() {
    deliver("demo-dbieb", "indicator;wijk;periode;waarde;toelichting\n" + INDICATOR + ";Camminghaburen;" + YEAR
        + ";3;\n");
    HttpResponse<String> wide = deliver("demo-lifecoaches-lo", "indicator;wijk;periode;waarde;toelichting\n"
        + PROGRAMME_WIDE + ";heel programma;" + YEAR + ";93;\n" + PROGRAMME_WIDE + ";Bilgaard;" + YEAR + ";30;\n"
        + PROGRAMME_WIDE + ";Camminghaburen;" + YEAR + ";25;\n");
    assertThat(wide.body()).contains("\"accepted\":3");
    awaitFigures(YEAR, 4, INDICATOR, PROGRAMME_WIDE);
  }

  @Test
  void publicCsvShowsTheSmallCountAsBelowFiveAndSaysItIsPublic() {
    HttpResponse<byte[]> response = get("/api/v1/programmes/" + PROGRAMME + "/report?year=" + YEAR, "text/csv",
        "demo-programmabureau");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/csv"));
    String csv = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFWat is bereikt - ").contains("Openbare versie");
    List<String> row = row(csv, INDICATOR);
    assertThat(row.get(ReportColumns.REALISED)).isEqualTo("<5");
  }

  @Test
  void aFigureForTheWholeProgrammeIsTheRealisedValueAndNeverAddedToTheWijken() {
    HttpResponse<byte[]> response = get("/api/v1/programmes/" + PROGRAMME + "/report?year=" + YEAR, "text/csv",
        "demo-programmabureau");

    List<String> row = row(new String(response.body(), StandardCharsets.UTF_8), PROGRAMME_WIDE);
    assertThat(row.get(ReportColumns.REALISED)).as("93, not 93 + 30 + 25").isEqualTo("93");
    assertThat(row.get(ReportColumns.REALISED + 1)).isEqualTo("heel programma");
    assertThat(figures.figures(PROGRAMME)).filteredOn(f -> f.indicator().equals(PROGRAMME_WIDE)
        && f.period().equals(YEAR)).extracting(f -> f.wijk() + "=" + f.value())
        .containsExactlyInAnyOrder("*=" + Count.of(93), "bilgaard=" + Count.of(30), "camminghaburen=" + Count.of(25));
  }

  @Test
  void internalXlsxShowsTheExactCountAndSaysItIsInternal() throws IOException {
    HttpResponse<byte[]> response = get("/api/v1/programmes/" + PROGRAMME + "/report?year=" + YEAR
        + "&versie=intern", XLSX, "demo-programmabureau");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter text = new DataFormatter();
      assertThat(text.formatCellValue(sheet.getRow(0).getCell(1))).startsWith("INTERN");
      assertThat(sheet.getHeader().getCenter()).startsWith("INTERN");
      Row row = null;
      for (Row r : sheet) {
        if (INDICATOR.equals(text.formatCellValue(r.getCell(4)))) {
          row = r;
        }
      }
      assertThat(row).isNotNull();
      assertThat(row.getCell(ReportColumns.REALISED).getNumericCellValue()).isEqualTo(3.0);
    }
  }

  @Test
  void staffOfAnotherProgrammeAndPartnersAreRefused() {
    String path = "/api/v1/programmes/" + PROGRAMME + "/report?year=" + YEAR;

    HttpResponse<byte[]> otherProgramme = get(path, "text/csv", "demo-programmabureau-svn");
    assertThat(otherProgramme.statusCode()).isEqualTo(403);
    assertThat(new String(otherProgramme.body(), StandardCharsets.UTF_8)).contains("PROGRAMMA_NIET_TOEGESTAAN");
    assertThat(get(path, "text/csv", "demo-dbieb").statusCode()).isEqualTo(403);
  }

  @Test
  void anUnknownVersionOrAMediaTypeOtherThanCsvOrXlsxIsRefused() {
    String path = "/api/v1/programmes/" + PROGRAMME + "/report?year=" + YEAR;

    HttpResponse<byte[]> version = get(path + "&versie=alles", "text/csv", "demo-programmabureau");
    assertThat(version.statusCode()).isEqualTo(400);
    assertThat(new String(version.body(), StandardCharsets.UTF_8)).contains("VERSIE_ONGELDIG");
    assertThat(get(path, "application/pdf", "demo-programmabureau").statusCode()).isEqualTo(406);
  }

  /** The cells of the CSV record of one indicator. */
  private static List<String> row(String csv, String indicator) {
    try (CsvReader<CsvRecord> records = CsvReader.builder().fieldSeparator(';').ofCsvRecord(csv.substring(1))) {
      return records.stream().filter(r -> r.getFieldCount() > 4 && r.getField(4).equals(indicator)).findFirst()
          .orElseThrow().getFields();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
