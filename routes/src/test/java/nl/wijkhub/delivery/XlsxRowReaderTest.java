package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import nl.wijkhub.counts.CountColumns;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks are made in each test with POI, so every scenario shows exactly which cells it has. */
class XlsxRowReaderTest {

  private static final String[] HEADER = {"indicator", "wijk", "periode", "waarde", "toelichting"};
  private static final String SHEET_XML_START = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
      + "2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";

  @TempDir
  Path dir;

  @Nested
  class Layout {

    @Test
    void headerInAnyCaseAndOrderWithoutToelichtingFindsEachColumn() {
      List<CountRow> rows = read(workbook(book -> cells(book.createSheet(),
          row("Waarde", "PERIODE", "Indicator", "wijk"),
          row(7, "2024", "taalmaatjes-gekoppeld", "Bilgaard"))));

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.indicator()).isEqualTo("taalmaatjes-gekoppeld");
        assertThat(r.wijk()).isEqualTo("Bilgaard");
        assertThat(r.periode()).isEqualTo("2024");
        assertThat(r.waarde()).isEqualTo("7");
        assertThat(r.toelichting()).isNull();
        assertThat(r.extraFields()).isZero();
      });
    }

    @Test
    void lineIsTheExcelRowNumberAfterEmptyRowsBeforeTheHeaderAndBetweenRows() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, 2, HEADER, row("taalmaatjes-gekoppeld", "Bilgaard", "2024", 7));
        cells(sheet, 5, row("taalmaatjes-gekoppeld", "Oud Oost", "2024", 3));
      }));

      assertThat(rows).extracting(CountRow::line).containsExactly(4L, 6L);
    }

    @Test
    void emptyRowsAfterTheFiguresArePassedOnAsBlankSoTheyAreIgnored() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, HEADER, row("taalmaatjes-gekoppeld", "Bilgaard", "2024", 7));
        // What a spreadsheet leaves behind: cleared cells, spaces, a styled but empty row.
        cells(sheet, 2, row("", " ", null, ""));
        sheet.createRow(3).createCell(4).setCellStyle(book.createCellStyle());
      }));

      assertThat(rows).filteredOn(r -> !r.isBlank()).extracting(CountRow::line).containsExactly(2L);
    }

    @Test
    void onlyTheFirstSheetIsRead() {
      List<CountRow> rows = read(workbook(book -> {
        cells(book.createSheet("tellingen"), HEADER, row("taalmaatjes-gekoppeld", "Bilgaard", "2024", 7));
        cells(book.createSheet("uitleg"), HEADER, row("taalmaatjes-gekoppeld", "Oud Oost", "2024", 99));
      }));

      assertThat(rows).extracting(CountRow::waarde).containsExactly("7");
    }

    @Test
    void filledCellRightOfTheHeaderIsAnExtraField() {
      List<CountRow> rows = read(workbook(book -> cells(book.createSheet(), HEADER,
          row("taalmaatjes-gekoppeld", "Bilgaard", "2024", 7, "", null, "los"))));

      assertThat(rows).singleElement().satisfies(r -> assertThat(r.extraFields()).isEqualTo(2));
    }

    @Test
    void firstRowWithFiguresInsteadOfAHeaderIsRefusedWithTheCodeCsvGives() {
      Path file = workbook(book -> cells(book.createSheet(), row("taalmaatjes-gekoppeld", "Bilgaard", "2024", 7)));
      Problem csv = catchThrowableOfType(DeliveryRefused.class,
          () -> csv("taalmaatjes-gekoppeld;Bilgaard;2024;7\n")).problem();

      Problem problem = refusal(file);

      assertThat(problem.code()).isEqualTo(csv.code()).isEqualTo("KOPREGEL_ONGELDIG");
      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.message()).contains("eerste werkblad", "eigen cel").doesNotContain("CSV");
    }

    @Test
    void headerWithAnUnknownColumnIsRefused() {
      Path file = workbook(book -> cells(book.createSheet(), row("indicator", "wijk", "periode", "aantal")));

      assertThat(refusal(file).code()).isEqualTo("KOLOM_ONBEKEND");
    }

    @Test
    void headerWithoutFiguresAndAnEmptySheetAreRefusedAsEmpty() {
      assertThat(refusal(workbook(book -> cells(book.createSheet(), HEADER))).code()).isEqualTo("BESTAND_LEEG");
      assertThat(refusal(workbook(XSSFWorkbook::createSheet)).code()).isEqualTo("BESTAND_LEEG");
    }
  }

  @Nested
  class Values {

    @Test
    void numbersAreReadAsStoredNotAsDisplayedAndAreExact() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, HEADER, row("a", "b", "2024", 7), row("a", "b", "2024", 12.5), row("a", "b", "2024", 1521));
        // Shown as 1.521 in Dutch Excel: the stored number has no thousands sign to doubt.
        CellStyle grouped = book.createCellStyle();
        grouped.setDataFormat(book.createDataFormat().getFormat("#,##0"));
        sheet.getRow(3).getCell(3).setCellStyle(grouped);
      }));

      assertThat(rows).extracting(CountRow::waarde).containsExactly("7", "12.5", "1521");
      assertThat(rows).allSatisfy(r -> assertThat(r.exactValue()).isTrue());
    }

    @Test
    void storedNumbersBecomePlainDecimalsWithoutFloatNoiseOrExponent() {
      List<CountRow> rows = read(workbook(book -> cells(book.createSheet(), HEADER,
          row("a", "b", "2024", 0.1 + 0.2), row("a", "b", "2024", 1.0E7), row("a", "b", "2024", -3))));

      assertThat(rows).extracting(CountRow::waarde).containsExactly("0.3", "10000000", "-3");
    }

    @Test
    void textThatLooksLikeAGroupedNumberStaysTextForTheValidatorToJudge() {
      List<CountRow> rows = read(workbook(book -> cells(book.createSheet(), HEADER, row("a", "b", "2024", "1.521"))));

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.waarde()).isEqualTo("1.521");
        assertThat(r.exactValue()).isFalse();
      });
    }

    @Test
    void yearStoredAsNumberIsTheYear() {
      List<CountRow> rows = read(workbook(book -> cells(book.createSheet(), HEADER, row("a", "b", 2024, 7))));

      assertThat(rows).extracting(CountRow::periode).containsExactly("2024");
    }

    @Test
    void dateInPeriodeIsItsMonthAndADateElsewhereIsTheDay() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, HEADER, row("a", "b", null, 7, null));
        // What Excel makes of 2024-09 typed into a cell.
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("mmm-yy"));
        for (int column : new int[] {2, 4}) {
          sheet.getRow(1).createCell(column).setCellValue(LocalDate.of(2024, 9, 1));
          sheet.getRow(1).getCell(column).setCellStyle(date);
        }
      }));

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.periode()).isEqualTo("2024-09");
        assertThat(r.toelichting()).isEqualTo("2024-09-01");
      });
    }

    @Test
    void formulaWithAStoredResultIsReadAsThatResult() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, HEADER, row("a", "b", "2024", null, null));
        sheet.getRow(1).createCell(3).setCellFormula("3+4");
        sheet.getRow(1).createCell(4).setCellFormula("\"telling \"&\"Q3\"");
        book.getCreationHelper().createFormulaEvaluator().evaluateAll();
      }));

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.waarde()).isEqualTo("7");
        assertThat(r.exactValue()).isTrue();
        assertThat(r.toelichting()).isEqualTo("telling Q3");
        assertThat(r.cellProblems()).isEmpty();
      });
    }

    @Test
    void formulaWithoutAStoredResultIsAProblemOfItsField() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, HEADER, row("taalmaatjes-gekoppeld", "Bilgaard", "2024", null));
        sheet.getRow(1).createCell(3).setCellFormula("3+4");
      }));

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.isBlank()).isFalse();
        assertThat(r.cellProblems()).singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo("FORMULE_ZONDER_WAARDE");
          assertThat(p.field()).isEqualTo("waarde");
          assertThat(p.line()).isEqualTo(2);
        });
      });
    }

    @Test
    void booleanAndErrorCellsPassTheirTextSoTheValidatorNamesThem() {
      List<CountRow> rows = read(workbook(book -> {
        Sheet sheet = book.createSheet();
        cells(sheet, HEADER, row("taalmaatjes-gekoppeld", "Bilgaard", "2024", true),
            row("taalmaatjes-gekoppeld", "Bilgaard", "2024", null));
        sheet.getRow(2).createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
      }));

      assertThat(rows).extracting(CountRow::waarde).as("CountValidatorTest: neither is a number")
          .containsExactly("WAAR", "#DIV/0!");
      assertThat(rows).extracting(CountRow::exactValue).containsExactly(false, false);
    }
  }

  @Nested
  class HostileFiles {

    @Test
    void workbookWithALinkToAnotherFileIsRefused() {
      Path file = workbook(book -> {
        cells(book.createSheet(), HEADER, row("taalmaatjes-gekoppeld", "Bilgaard", "2024", 7));
        try (XSSFWorkbook other = new XSSFWorkbook()) {
          other.createSheet("Blad1");
          book.linkExternalWorkbook("cijfers.xlsx", other);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });

      assertThat(refusal(file).code()).isEqualTo("XLSX_EXTERNE_KOPPELING");
    }

    @Test
    void sheetThatUnpacksFarBeyondItsCompressedSizeIsRefusedWithoutReadingIt() throws IOException {
      // 128 MB of one letter packs into some 130 kB: a zip bomb, refused long before the text is built in memory.
      Path file = withSheet(128 * 1024 * 1024, ZipEntry.DEFLATED);

      assertThat(refusal(file).code()).isEqualTo("XLSX_TE_GROOT");
    }

    @Test
    void sheetThatUnpacksBeyondThePartLimitIsRefusedEvenWhenNotPacked() throws IOException {
      Path file = withSheet(XlsxPackage.MAX_PART_SIZE + 1024, ZipEntry.STORED);

      assertThat(refusal(file).code()).isEqualTo("XLSX_TE_GROOT");
    }

    @Test
    void sheetWithMoreRowsThanTheLimitIsRefused() {
      Path file = workbook(book -> cells(book.createSheet(), HEADER, row("a", "b", "2024", 1), row("a", "b", "2024", 2),
          row("a", "b", "2024", 3)));

      Problem problem = refusal(file, new XlsxRowReader(CountColumns.LAYOUT, 3));

      assertThat(problem.code()).isEqualTo("XLSX_TE_GROOT");
      assertThat(problem.message()).contains("meer dan 3 regels");
    }

    @Test
    void fileNamedXlsxThatIsNoZipIsRefusedAsUnreadable() throws IOException {
      Path file = Files.writeString(dir.resolve("tellingen.xlsx"), "indicator;wijk;periode;waarde\n");

      Problem problem = refusal(file);

      assertThat(problem.code()).isEqualTo("XLSX_ONLEESBAAR");
      assertThat(problem.message()).contains("Excel-werkmap (*.xlsx)");
    }

    @Test
    void truncatedWorkbookIsRefusedAsUnreadable() throws IOException {
      byte[] whole = Files.readAllBytes(workbook(book -> cells(book.createSheet(), HEADER)));
      Path file = Files.write(dir.resolve("afgebroken.xlsx"), Arrays.copyOf(whole, whole.length / 2));

      assertThat(refusal(file).code()).isEqualTo("XLSX_ONLEESBAAR");
    }

    @Test
    void passwordProtectedWorkbookIsRefusedAsUnreadableWithHowToSaveIt() throws Exception {
      byte[] plain = Files.readAllBytes(workbook(book -> cells(book.createSheet(), HEADER, row("a", "b", "2024", 7))));
      Path file = dir.resolve("beveiligd.xlsx");
      try (POIFSFileSystem fs = new POIFSFileSystem()) {
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("geheim");
        try (OutputStream out = encryptor.getDataStream(fs)) {
          out.write(plain);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
          fs.writeFilesystem(out);
        }
      }

      Problem problem = refusal(file);

      assertThat(problem.code()).isEqualTo("XLSX_ONLEESBAAR");
      assertThat(problem.message()).contains("wachtwoord", "gewone Excel-werkmap");
    }

    /** A valid workbook whose sheet is one cell holding {@code size} bytes of the letter a. */
    private Path withSheet(long size, int method) throws IOException {
      Path valid = workbook(book -> cells(book.createSheet(), HEADER));
      Path file = dir.resolve("bom.xlsx");
      try (ZipFile in = new ZipFile(valid.toFile());
          ZipArchiveOutputStream out = new ZipArchiveOutputStream(file.toFile())) {
        for (ZipEntry entry : in.stream().toList()) {
          ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
          copy.setMethod(method);
          out.putArchiveEntry(copy);
          if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
            writeLetters(out, size);
          } else {
            in.getInputStream(entry).transferTo(out);
          }
          out.closeArchiveEntry();
        }
      }
      return file;
    }

    private static void writeLetters(OutputStream out, long size) throws IOException {
      out.write(SHEET_XML_START.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1024 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk);
      }
      out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private Path workbook(Consumer<XSSFWorkbook> content) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      content.accept(book);
      Path file = Files.createTempFile(dir, "levering", ".xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] row(Object... cells) {
    return cells;
  }

  /** Writes rows from the top: a String is a text cell, a Number a numeric one, a Boolean a boolean, null none. */
  private static void cells(Sheet sheet, Object[]... rows) {
    cells(sheet, 0, rows);
  }

  private static void cells(Sheet sheet, int firstRow, Object[]... rows) {
    for (int r = 0; r < rows.length; r++) {
      Row row = sheet.createRow(firstRow + r);
      for (int c = 0; c < rows[r].length; c++) {
        Object value = rows[r][c];
        if (value instanceof String text) {
          row.createCell(c).setCellValue(text);
        } else if (value instanceof Number number) {
          row.createCell(c).setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
          row.createCell(c).setCellValue(bool);
        }
      }
    }
  }

  private static List<CountRow> read(Path file) {
    List<CountRow> rows = new ArrayList<>();
    try {
      new XlsxRowReader(CountColumns.LAYOUT).read(file, r -> rows.add(CountRow.of(r)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Problem refusal(Path file) {
    return refusal(file, new XlsxRowReader(CountColumns.LAYOUT));
  }

  private static Problem refusal(Path file, XlsxRowReader reader) {
    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class, () -> reader.read(file, row -> { }));
    assertThat(refused).as("delivery should be refused as a whole").isNotNull();
    return refused.problem();
  }
}
