package nl.wijkhub.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.dashboard.FigureSource.PartnerPart;
import nl.wijkhub.dashboard.Shown;
import nl.wijkhub.dashboard.Status;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The yearly report from the reports' own figures (golden), its exports, and what the public version hides. */
class YearlyReportTest {

  private static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
  private static ReferenceData reference;
  private static ReportLayout layout;
  private static GoldenFigures golden;

  @BeforeAll
  static void loadRealConfig() {
    reference = new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/");
    layout = new ReportLayoutLoader(new DefaultResourceLoader()).load("file:../config/", reference);
    golden = new GoldenFigures(reference);
  }

  @Test
  void goldenFiguresReproduceEveryRowOfTheReportsInTheInternalVersion() {
    List<String> programmeYears = golden.lines().stream().map(l -> l.programme() + "|" + l.period()).distinct()
        .toList();
    assertThat(programmeYears).contains("leeuwarden-oost|2024", "sterk-voor-noord|2024", "sterk-voor-noord|2023");
    for (String programmeYear : programmeYears) {
      String programme = programmeYear.split("\\|")[0];
      int year = Integer.parseInt(programmeYear.split("\\|")[1]);
      YearlyReport report = builder(golden).build(programme, year, true);
      Map<String, YearlyReport.Row> rows = report.rows().stream()
          .collect(Collectors.toMap(YearlyReport.Row::indicator, Function.identity()));
      assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(reference.indicators(programme).stream()
          .map(nl.wijkhub.reference.Indicator::code).toList());
      for (GoldenFigures.Line line : golden.lines().stream().filter(l -> l.programme().equals(programme)).toList()) {
        YearlyReport.Row row = rows.get(line.code());
        assertThat(row.pillar()).isEqualTo(line.pillar());
        assertThat(row.intervention()).isEqualTo(line.intervention());
        assertThat(row.description()).isEqualTo(line.name());
        assertThat(row.unit()).isEqualTo(line.unit());
        assertThat(row.target()).isEqualTo(line.target());
        assertThat(row.targetPeriod()).isEqualTo(line.targetPeriod());
        if (line.period().equals(String.valueOf(year))) {
          assertThat(row.realised()).as(line.code()).isEqualTo(Count.of(line.realised()));
          assertThat(row.shown()).isEqualTo(Shown.VALUE);
          assertThat(row.wholeProgramme()).isTrue();
        } else {
          assertThat(row.realised()).as(line.code() + " has no figure for " + year).isNull();
        }
      }
    }
  }

  @Test
  void leeuwardenOost2024HasTheReportsNumbersOutcomesAndStatuses() {
    YearlyReport report = builder(golden).build("leeuwarden-oost", 2024, true);
    Map<String, YearlyReport.Row> rows = byIndicator(report);
    assertThat(rows.get("extra-leertijd-kinderen").number()).isEqualTo("4.1");
    assertThat(rows.get("extra-leertijd-kinderen").intendedOutcome()).startsWith("Er is voor alle kinderen");
    assertThat(rows.get("gratis-kinderopvang-dagdelen").number()).isEqualTo("5.1");
    assertThat(rows.get("multiteam-aanmeldingen").number()).startsWith("8.");
    assertThat(report.rows().get(0).indicator()).isEqualTo("extra-leertijd-kinderen");

    assertThat(rows.get("ikc-medewerkers-getraind").status()).isEqualTo(Status.BEHAALD);
    assertThat(rows.get("gratis-kinderopvang-dagdelen").status()).isEqualTo(Status.BEHAALD);
    assertThat(rows.get("jeugdverpleegkundigen-gestart").status()).isEqualTo(Status.BEHAALD);
    assertThat(rows.get("baangaranties").status()).isEqualTo(Status.ACHTER);
    assertThat(rows.get("huishoudens-schuldenvrij").status()).isEqualTo(Status.ACHTER);
    assertThat(rows.get("woningen-verduurzaming-gestart").status()).isEqualTo(Status.ACHTER);
    assertThat(rows.get("taalmaatjes-gekoppeld").status()).isEqualTo(Status.GEEN_STREEFWAARDE);
  }

  @Test
  void publicVersionShowsCountsBelowFiveAsSmallAndTheirStatusAsUndetermined() {
    YearlyReport report = builder(golden).build("leeuwarden-oost", 2024, false);
    Map<String, YearlyReport.Row> rows = byIndicator(report);
    for (String small : List.of("ikc-met-ouderschapsklassen", "jeugdverpleegkundigen-gestart",
        "speeltuinen-opgeleverd", "skillsgarden-instructeurs")) {
      assertThat(rows.get(small).shown()).as(small).isEqualTo(Shown.SMALL);
    }
    assertThat(rows.get("jeugdverpleegkundigen-gestart").status()).isEqualTo(Status.ONBEPAALD);
    assertThat(rows.get("baangaranties").shown()).as("zero is not small").isEqualTo(Shown.VALUE);
    assertThat(rows.get("kansrijk-trajecten-afgerond").shown()).isEqualTo(Shown.VALUE);
    assertThat(report.notice()).startsWith("Openbare versie");
  }

  @Test
  void sumOfWijkenIsProtectedLikeTheDashboardTableAndNeverAddedToAProgrammeFigure() {
    FigureSource source = programme -> List.of(
        wijk("taalmaatjes-gekoppeld", "bilgaard", 10), wijk("taalmaatjes-gekoppeld", "oud-oost", 3),
        wijk("taalmaatjes-gekoppeld", "vrijheidswijk", 12),
        wijk("extra-leertijd-kinderen", "bilgaard", 700), wijk("extra-leertijd-kinderen", "oud-oost", 800),
        new Figure("leeuwarden-oost", "extra-leertijd-kinderen", Figure.WHOLE_PROGRAMME, "2024",
            List.of(new PartnerPart("ikc-1", Count.of(1521)))));
    Map<String, YearlyReport.Row> internal = byIndicator(builder(source).build("leeuwarden-oost", 2024, true));
    assertThat(internal.get("taalmaatjes-gekoppeld").realised()).isEqualTo(Count.of(25));
    assertThat(internal.get("taalmaatjes-gekoppeld").wholeProgramme()).isFalse();
    assertThat(internal.get("extra-leertijd-kinderen").realised()).isEqualTo(Count.of(1521));
    assertThat(internal.get("extra-leertijd-kinderen").wholeProgramme()).isTrue();
    // The total of 25 stays visible in public; a sibling wijk is hidden instead (see SuppressionTest).
    Map<String, YearlyReport.Row> open = byIndicator(builder(source).build("leeuwarden-oost", 2024, false));
    assertThat(open.get("taalmaatjes-gekoppeld").shown()).isEqualTo(Shown.VALUE);
  }

  @Test
  void aWholeProgrammeFigureIsHiddenInPublicWheneverTheSumOfTheWijkenIs() {
    // Were 9 shown beside a hidden sum of 4, a whole-programme figure that is that sum plus another wijk's 5 would
    // give the hidden cells away.
    FigureSource source = programme -> List.of(wijk("taalmaatjes-gekoppeld", "bilgaard", 4),
        new Figure("leeuwarden-oost", "taalmaatjes-gekoppeld", Figure.WHOLE_PROGRAMME, "2024",
            List.of(new PartnerPart("dbieb", Count.of(9)))));

    YearlyReport.Row open = byIndicator(builder(source).build("leeuwarden-oost", 2024, false))
        .get("taalmaatjes-gekoppeld");
    YearlyReport.Row internal = byIndicator(builder(source).build("leeuwarden-oost", 2024, true))
        .get("taalmaatjes-gekoppeld");

    assertThat(open.wholeProgramme()).isTrue();
    assertThat(open.shown()).isEqualTo(Shown.HIDDEN);
    assertThat(internal.realised()).isEqualTo(Count.of(9));
    assertThat(internal.shown()).isEqualTo(Shown.VALUE);
  }

  @Test
  void partnerWithheldValueMakesTheFigureARangeInTheReport() throws IOException {
    FigureSource source = programme -> List.of(new Figure("leeuwarden-oost", "extra-leertijd-kinderen",
        Figure.WHOLE_PROGRAMME, "2024", List.of(new PartnerPart("ikc-1", Count.of(150)),
            new PartnerPart("ikc-2", Count.withheld()))));
    YearlyReport report = builder(source).build("leeuwarden-oost", 2024, false);
    assertThat(csvRow(report, "extra-leertijd-kinderen").getField(7)).isEqualTo("151 tot 154");
  }

  @Test
  void csvCarriesTheNoticeAndReadsBackAsTheRows() throws IOException {
    YearlyReport report = builder(golden).build("leeuwarden-oost", 2024, false);
    List<CsvRecord> records = csvRecords(report);
    assertThat(records.get(0).getField(1)).isEqualTo(report.notice());
    assertThat(records.get(1).getFields()).isEqualTo(ReportColumns.HEADERS);
    assertThat(records).hasSize(report.rows().size() + 2);
    CsvRecord leertijd = csvRow(report, "extra-leertijd-kinderen");
    assertThat(leertijd.getFields()).containsExactly("4.1", "leren", "School en omgeving (rijke schooldag)",
        layout.outcome("leeuwarden-oost", "leren", "School en omgeving (rijke schooldag)"),
        "extra-leertijd-kinderen", "Kinderen 4-12 jaar met 2-4 uur extra leer- en ontwikkeltijd op de 10 plus-IKC's",
        "kinderen", "1521", "heel programma", "", "", "geen streefwaarde");
    assertThat(csvRow(report, "ikc-met-ouderschapsklassen").getField(7)).isEqualTo("<5");
  }

  @Test
  void xlsxSaysWhichVersionItIsOnTheSheetAndEveryPrintedPage() throws IOException {
    for (boolean internal : List.of(true, false)) {
      YearlyReport report = builder(golden).build("leeuwarden-oost", 2024, internal);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ReportXlsx.write(report, out);
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
        assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
        Sheet sheet = workbook.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo(report.notice());
        assertThat(sheet.getHeader().getCenter()).isEqualTo(report.notice());
        assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:2");
        assertThat(sheet.getLastRowNum()).isEqualTo(report.rows().size() + 1);
        org.apache.poi.ss.usermodel.Row first = sheet.getRow(2);
        assertThat(first.getCell(4).getStringCellValue()).isEqualTo("extra-leertijd-kinderen");
        assertThat(first.getCell(ReportColumns.REALISED).getNumericCellValue()).isEqualTo(1521);
        org.apache.poi.ss.usermodel.Row klassen = sheet.getRow(3);
        assertThat(klassen.getCell(4).getStringCellValue()).isEqualTo("ikc-met-ouderschapsklassen");
        if (internal) {
          assertThat(report.notice()).startsWith("INTERN");
          assertThat(klassen.getCell(ReportColumns.REALISED).getNumericCellValue()).isEqualTo(3);
        } else {
          assertThat(klassen.getCell(ReportColumns.REALISED).getStringCellValue()).isEqualTo("<5");
        }
      }
    }
  }

  @Test
  void textThatASpreadsheetWouldRunIsNeutralisedInCsvAndXlsx() throws IOException {
    List<String> attacks = List.of("=HYPERLINK(\"http://x.example\",\"klik\")", "+31 6", "-2+3", "@SUM(A1)",
        "\tcmd", "\rcmd");
    for (String attack : attacks) {
      assertThat(CellText.neutralise(attack)).isEqualTo("'" + attack);
    }
    assertThat(CellText.neutralise("Gewone tekst - met streepje")).isEqualTo("Gewone tekst - met streepje");

    ReportLayout evil = new ReportLayout(List.of(new ReportLayout.PillarLayout("leeuwarden-oost", "leren", 4,
        List.of(new ReportLayout.InterventionLayout("Lifecoaching", "=1+1")))));
    YearlyReport report = new YearlyReportBuilder(reference, evil, golden, new Suppression(5), JUNE_2025)
        .build("leeuwarden-oost", 2024, true);
    assertThat(csvRow(report, "lifecoaching-jongeren").getField(3)).isEqualTo("'=1+1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportXlsx.write(report, out);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
      }
      assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("'=1+1");
    }
  }

  private static Figure wijk(String indicator, String wijk, double value) {
    return new Figure("leeuwarden-oost", indicator, wijk, "2024", List.of(new PartnerPart("dbieb", Count.of(value))));
  }

  private static YearlyReportBuilder builder(FigureSource source) {
    return new YearlyReportBuilder(reference, layout, source, new Suppression(Suppression.DEFAULT_THRESHOLD),
        JUNE_2025);
  }

  private static Map<String, YearlyReport.Row> byIndicator(YearlyReport report) {
    return report.rows().stream().collect(Collectors.toMap(YearlyReport.Row::indicator, Function.identity()));
  }

  private static List<CsvRecord> csvRecords(YearlyReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportCsv.write(report, out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';').ofCsvRecord(text.substring(1))) {
      return csv.stream().toList();
    }
  }

  private static CsvRecord csvRow(YearlyReport report, String indicator) throws IOException {
    return csvRecords(report).stream().filter(r -> r.getFieldCount() > 4 && r.getField(4).equals(indicator))
        .findFirst().orElseThrow();
  }
}
