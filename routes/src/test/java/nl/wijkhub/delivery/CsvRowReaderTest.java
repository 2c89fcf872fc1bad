package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.Fixtures.BOM;
import static nl.wijkhub.delivery.Fixtures.concat;
import static nl.wijkhub.delivery.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.counts.CountColumns;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";

  private static Problem refusal(String text) {
    return refusal(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Problem refusal(byte[] bytes) {
    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class, () -> csv(bytes));
    assertThat(refused).as("delivery should be refused as a whole").isNotNull();
    return refused.problem();
  }

  @Nested
  class Separators {

    @Test
    void semicolonHeaderSplitsRowsOnSemicolons() {
      List<CountRow> rows = csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;koppels, gestart\n");

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.indicator()).isEqualTo("taalmaatjes-gekoppeld");
        assertThat(r.wijk()).isEqualTo("Bilgaard");
        assertThat(r.periode()).isEqualTo("2024");
        assertThat(r.waarde()).isEqualTo("7");
        assertThat(r.toelichting()).as("a comma is plain text in a semicolon file").isEqualTo("koppels, gestart");
        assertThat(r.extraFields()).isZero();
        assertThat(r.exactValue()).isFalse();
      });
    }

    @Test
    void commaHeaderSplitsRowsOnCommas() {
      List<CountRow> rows = csv("indicator,wijk,periode,waarde,toelichting\n"
          + "taalmaatjes-gekoppeld,Bilgaard,2024,7,koppels; gestart\n");

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.wijk()).isEqualTo("Bilgaard");
        assertThat(r.waarde()).isEqualTo("7");
        assertThat(r.toelichting()).isEqualTo("koppels; gestart");
      });
    }

    @Test
    void unquotedDecimalCommaInSemicolonFileStaysOneCell() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;12,5;\n")).singleElement()
          .satisfies(r -> assertThat(r.waarde()).isEqualTo("12,5"));
    }

    @Test
    void quotedDecimalCommaInCommaFileStaysOneCell() {
      assertThat(csv("indicator,wijk,periode,waarde\ntaalmaatjes-gekoppeld,Bilgaard,2024,\"12,5\"\n"))
          .singleElement().satisfies(r -> {
            assertThat(r.waarde()).isEqualTo("12,5");
            assertThat(r.extraFields()).isZero();
          });
    }

    @Test
    void unquotedDecimalCommaInCommaFileWithoutToelichtingIsAnExtraField() {
      assertThat(csv("indicator,wijk,periode,waarde\ntaalmaatjes-gekoppeld,Bilgaard,2024,12,5\n"))
          .singleElement().satisfies(r -> {
            assertThat(r.waarde()).isEqualTo("12");
            assertThat(r.extraFields()).isEqualTo(1);
          });
    }

    @Test
    void separatorIsTheSignThatOccursMostInTheHeader() {
      assertThat(CsvRowReader.separatorOf("indicator;wijk;periode;waarde")).isEqualTo(';');
      assertThat(CsvRowReader.separatorOf("indicator,wijk,periode,waarde")).isEqualTo(',');
      assertThat(CsvRowReader.separatorOf("indicator;wijk;periode,waarde")).isEqualTo(';');
      assertThat(CsvRowReader.separatorOf("indicator")).as("no sign at all: the Dutch Excel default")
          .isEqualTo(';');
    }
  }

  @Nested
  class Encodings {

    @Test
    void utf8WithBomIsReadAndTheBomIsNotPartOfTheFirstColumnName() {
      byte[] bytes = concat(BOM, (HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;café Fryslân\n")
          .getBytes(StandardCharsets.UTF_8));

      assertThat(csv(bytes)).singleElement().satisfies(r -> {
        assertThat(r.indicator()).isEqualTo("taalmaatjes-gekoppeld");
        assertThat(r.toelichting()).isEqualTo("café Fryslân");
      });
    }

    @Test
    void utf8WithoutBomKeepsAccentedLetters() {
      byte[] bytes = (HEADER + "taalmaatjes-gekoppeld;Schiéringen;2024;7;financiële hulp, café\n")
          .getBytes(StandardCharsets.UTF_8);

      assertThat(csv(bytes)).singleElement().satisfies(r -> {
        assertThat(r.wijk()).isEqualTo("Schiéringen");
        assertThat(r.toelichting()).isEqualTo("financiële hulp, café");
      });
    }

    @Test
    void windows1252BytesFromExcelAreDecodedAsWindows1252() {
      // "café" and "Schiéringen" as Excel-NL writes them: é is the single byte 0xE9, ë is 0xEB, â is 0xE2.
      byte[] bytes = concat(HEADER.getBytes(StandardCharsets.US_ASCII),
          "taalmaatjes-gekoppeld;Schi".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
          "ringen;2024;7;caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
          " in Frysl".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE2},
          "n, financi".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xEB},
          "le hulp\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThat(csv(bytes)).singleElement().satisfies(r -> {
        assertThat(r.wijk()).isEqualTo("Schiéringen");
        assertThat(r.toelichting()).isEqualTo("café in Fryslân, financiële hulp");
      });
    }

    @Test
    void windows1252FileEndingInAnAccentedLetterIsStillReadAsWindows1252() {
      // No final line break and é (0xE9, also a UTF-8 lead byte) as the very last byte of the file.
      byte[] bytes = concat((HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;caf").getBytes(StandardCharsets.US_ASCII),
          new byte[] {(byte) 0xE9});

      assertThat(csv(bytes)).singleElement().satisfies(r -> assertThat(r.toelichting()).isEqualTo("café"));
    }

    @Test
    void windows1252BytesPastTheSniffedBlockAreReportedSoTheCallerCanReadAgain() {
      StringBuilder text = new StringBuilder(HEADER);
      while (text.length() < 70_000) {
        text.append("taalmaatjes-gekoppeld;Bilgaard;2024;7;\n");
      }
      text.append("taalmaatjes-gekoppeld;Bilgaard;2024;8;café\n");
      byte[] bytes = text.toString().getBytes(CharsetSniffer.WINDOWS_1252);

      Throwable thrown = catchThrowable(() -> csv(bytes));
      assertThat(thrown).as("what DeliveryPipeline catches to read the file again as Windows-1252")
          .isInstanceOfAny(UncheckedIOException.class, CharacterCodingException.class);
      assertThat(thrown instanceof CharacterCodingException || thrown.getCause() instanceof CharacterCodingException)
          .isTrue();

      List<CountRow> again = csv(bytes, CharsetSniffer.WINDOWS_1252);
      assertThat(again.get(again.size() - 1).toelichting()).isEqualTo("café");
    }
  }

  @Nested
  class HeaderLine {

    @Test
    void headerNamesMatchIgnoringCaseOrderAndStraySpaces() {
      List<CountRow> rows = csv(" Waarde ;INDICATOR; periode;Wijk ;ToeLichting  \n"
          + "7;taalmaatjes-gekoppeld;2024;Bilgaard;x\n");

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.indicator()).isEqualTo("taalmaatjes-gekoppeld");
        assertThat(r.wijk()).isEqualTo("Bilgaard");
        assertThat(r.periode()).isEqualTo("2024");
        assertThat(r.waarde()).isEqualTo("7");
        assertThat(r.toelichting()).isEqualTo("x");
      });
    }

    @Test
    void quotedHeaderNamesAsLibreOfficeWritesThemAreRecognised() {
      List<CountRow> rows = csv("\"indicator\";\"wijk\";\"periode\";\"waarde\";\"toelichting\"\n"
          + "\"taalmaatjes-gekoppeld\";\"Bilgaard\";\"2024\";\"7\";\"\"\n");

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.indicator()).isEqualTo("taalmaatjes-gekoppeld");
        assertThat(r.waarde()).isEqualTo("7");
        assertThat(r.toelichting()).isEmpty();
      });
    }

    @Test
    void headerWithoutTheOptionalToelichtingIsAccepted() {
      assertThat(csv("indicator;wijk;periode;waarde\ntaalmaatjes-gekoppeld;Bilgaard;2024;7\n")).singleElement()
          .satisfies(r -> {
            assertThat(r.toelichting()).isNull();
            assertThat(r.extraFields()).isZero();
          });
    }

    @Test
    void headerWithTrailingEmptyCellsFromASpreadsheetIsAccepted() {
      assertThat(csv("indicator;wijk;periode;waarde;toelichting;;;\ntaalmaatjes-gekoppeld;Bilgaard;2024;7;;;;\n"))
          .singleElement().satisfies(r -> assertThat(r.extraFields()).isZero());
    }

    @Test
    void unknownHeaderColumnIsRefusedWithKolomOnbekendNamingIt() {
      Problem problem = refusal("indicator;wijk;periode;aantal;waarde;opmerking\n");

      assertThat(problem.code()).isEqualTo("KOLOM_ONBEKEND");
      assertThat(problem.line()).isEqualTo(1L);
      assertThat(problem.message()).contains("aantal", "opmerking", "toelichting");
    }

    @Test
    void missingRequiredColumnIsRefusedWithKopregelOngeldigNamingIt() {
      Problem problem = refusal("indicator;wijk;periode;toelichting\ntaalmaatjes-gekoppeld;Bilgaard;2024;7\n");

      assertThat(problem.code()).isEqualTo("KOPREGEL_ONGELDIG");
      assertThat(problem.line()).isEqualTo(1L);
      assertThat(problem.message()).contains("waarde");
    }

    @Test
    void duplicateColumnIsRefusedWithKopregelOngeldig() {
      Problem problem = refusal("indicator;wijk;periode;waarde;Wijk\n");

      assertThat(problem.code()).isEqualTo("KOPREGEL_ONGELDIG");
      assertThat(problem.message()).contains("wijk", "twee keer");
    }

    @Test
    void dataWithoutAHeaderLineIsRefusedAsNoHeaderRatherThanUnknownColumns() {
      Problem problem = refusal("taalmaatjes-gekoppeld;Bilgaard;2024;7;\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5;\n");

      assertThat(problem.code()).isEqualTo("KOPREGEL_ONGELDIG");
      assertThat(problem.message()).contains("geen kopregel");
    }

    @Test
    void tabSeparatedExportIsReadWithTabAsItsSeparator() {
      assertThat(csv("indicator\twijk\tperiode\twaarde\ntaalmaatjes-gekoppeld\tBilgaard\t2024\t7\n")).singleElement()
          .satisfies(r -> assertThat(r.wijk()).isEqualTo("Bilgaard"));
    }

    @Test
    void emptyLinesBeforeTheHeaderAreSkippedAndLinesStillCountFromTheTopOfTheFile() {
      List<CountRow> rows = csv("\n\r\n" + HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\n");

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.indicator()).isEqualTo("taalmaatjes-gekoppeld");
        assertThat(r.line()).isEqualTo(4);
      });
    }

    @Test
    void headerProblemAfterEmptyLinesNamesTheHeadersOwnLine() {
      assertThat(refusal("\n\nindicator;wijk;periode;aantal\n").line()).isEqualTo(3L);
    }
  }

  @Nested
  class Records {

    @Test
    void linesAreNumberedFromTheHeaderAsLineOne() {
      List<CountRow> rows = csv(HEADER + "a;Bilgaard;2024;1;\nb;Bilgaard;2024;2;\n");

      assertThat(rows).extracting(CountRow::line).containsExactly(2L, 3L);
    }

    @Test
    void quotedFieldMayHoldTheSeparator() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"eerst in Bilgaard; daarna ook in Oud Oost\"\n"))
          .singleElement().satisfies(r -> {
            assertThat(r.toelichting()).isEqualTo("eerst in Bilgaard; daarna ook in Oud Oost");
            assertThat(r.extraFields()).isZero();
          });
    }

    @Test
    void quotedFieldMayHoldEscapedQuotes() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"cursus \"\"Klik & Tik\"\"\"\n"))
          .singleElement().satisfies(r -> assertThat(r.toelichting()).isEqualTo("cursus \"Klik & Tik\""));
    }

    @Test
    void quotedFieldWithEmbeddedNewlinesKeepsTheStartingLineOfItsRecord() {
      List<CountRow> rows = csv(HEADER
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"regel een\nregel twee\r\nregel drie\"\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5;\n");

      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).line()).isEqualTo(2);
      assertThat(rows.get(0).toelichting()).isEqualTo("regel een\nregel twee\r\nregel drie");
      assertThat(rows.get(1).line()).as("the line the partner sees in a text editor").isEqualTo(5);
      assertThat(rows.get(1).wijk()).isEqualTo("Vrijheidswijk");
    }

    @Test
    void windowsLineEndingsAreNotPartOfTheLastCell() {
      List<CountRow> rows = csv("indicator;wijk;periode;waarde\r\ntaalmaatjes-gekoppeld;Bilgaard;2024;7\r\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5\r\n");

      assertThat(rows).extracting(CountRow::waarde).containsExactly("7", "5");
      assertThat(rows).extracting(CountRow::line).containsExactly(2L, 3L);
    }

    @Test
    void lastLineWithoutLineBreakIsRead() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;slot")).singleElement()
          .satisfies(r -> assertThat(r.toelichting()).isEqualTo("slot"));
    }

    @Test
    void emptyLinesInBetweenAreSkippedButStillCountForLineNumbers() {
      List<CountRow> rows = csv(HEADER + "a;Bilgaard;2024;1;\n\n\nb;Bilgaard;2024;2;\n");

      assertThat(rows).extracting(CountRow::line).containsExactly(2L, 5L);
    }

    @Test
    void semicolonOnlyRowsThatSpreadsheetsAppendArePassedOnAsBlankRows() {
      List<CountRow> rows = csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\n;;;;\n;;;;;;;;\n   \n\n");

      assertThat(rows).hasSize(4);
      assertThat(rows.get(0).isBlank()).isFalse();
      assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.isBlank()).isTrue());
    }

    @Test
    void trailingEmptyCellsAreNotExtraFields() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;;;;;\n")).singleElement()
          .satisfies(r -> assertThat(r.extraFields()).isZero());
    }

    @Test
    void nonEmptyCellBeyondTheHeaderCountsAsExtraFields() {
      List<CountRow> rows = csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;eerst; daarna\n"
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;;;x\n");

      assertThat(rows).extracting(CountRow::extraFields).containsExactly(1, 2);
    }

    @Test
    void rowWithFewerCellsThanTheRequiredColumnsCountsAsTooFew() {
      List<CountRow> rows = csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024\n");

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.extraFields()).isNegative();
        assertThat(r.waarde()).isNull();
        assertThat(r.periode()).isEqualTo("2024");
      });
    }

    @Test
    void rowThatLeavesOutOnlyTheTrailingOptionalToelichtingIsComplete() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7\n")).singleElement().satisfies(r -> {
        assertThat(r.extraFields()).isZero();
        assertThat(r.toelichting()).isNull();
      });
    }

    @Test
    void requiredColumnAfterTheOptionalOneStillCountsForTooFew() {
      List<CountRow> rows = csv("toelichting;indicator;wijk;periode;waarde\nx;taalmaatjes-gekoppeld;Bilgaard;2024\n");

      assertThat(rows).singleElement().satisfies(r -> assertThat(r.extraFields()).isNegative());
    }

    @Test
    void cellsAreHandedOnAsWrittenWithoutStripping() {
      assertThat(csv(HEADER + " taalmaatjes-gekoppeld ; Bilgaard ; 2024 ; 7 ; x \n")).singleElement()
          .satisfies(r -> {
            assertThat(r.indicator()).isEqualTo(" taalmaatjes-gekoppeld ");
            assertThat(r.waarde()).isEqualTo(" 7 ");
          });
    }

    @Test
    void rowsReachTheSinkInFileOrderWhileStreaming() throws Exception {
      List<Long> seen = new ArrayList<>();
      new CsvRowReader(CountColumns.LAYOUT).read(new ByteArrayInputStream((HEADER + "a;b;2024;1;\nc;d;2024;2;\ne;f;2024;3;\n")
          .getBytes(StandardCharsets.UTF_8)), null, row -> seen.add(row.line()));

      assertThat(seen).containsExactly(2L, 3L, 4L);
    }
  }

  @Nested
  class Quotes {

    @Test
    void quoteInTheMiddleOfAnUnquotedFieldIsPlainText() {
      List<CountRow> rows = csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;cursus \"Klik & Tik\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5;12\" scherm\n");

      assertThat(rows).extracting(CountRow::toelichting).containsExactly("cursus \"Klik & Tik", "12\" scherm");
    }

    @Test
    void quotedLastFieldClosedAtTheVeryEndOfTheFileIsComplete() {
      assertThat(csv(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"cursus \"\"Klik & Tik\"\"\"")).singleElement()
          .satisfies(r -> assertThat(r.toelichting()).isEqualTo("cursus \"Klik & Tik\""));
    }

    @Test
    void unclosedQuoteIsRefusedInsteadOfSwallowingTheRowsAfterIt() {
      Problem problem = refusal(HEADER
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\r\n"
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"Klik & Tik cursus\r\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5;\r\n"
          + "taalmaatjes-gekoppeld;Oud Oost;2024;3;\r\n");

      assertThat(problem.code()).isEqualTo("CSV_ONGELDIG");
      assertThat(problem.line()).isEqualTo(3L);
      assertThat(problem.message()).contains("regel 3", "aanhalingsteken");
    }

    @Test
    void unclosedQuoteThatALaterQuoteSeemsToCloseIsRefused() {
      Problem problem = refusal(HEADER
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"Klik\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5;\n"
          + "taalmaatjes-gekoppeld;Oud Oost;2024;3;\"cursus\"\n");

      assertThat(problem.code()).isEqualTo("CSV_ONGELDIG");
      assertThat(problem.line()).isEqualTo(2L);
    }

    @Test
    void textAfterAClosingQuoteIsRefusedNamingTheLineOfItsRecord() {
      Problem problem = refusal(HEADER
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\n"
          + "taalmaatjes-gekoppeld;Vrijheidswijk;2024;5;\"Klik & Tik\" in het wijkcentrum\n");

      assertThat(problem.code()).isEqualTo("CSV_ONGELDIG");
      assertThat(problem.line()).isEqualTo(3L);
      assertThat(problem.message()).contains("aanhalingsteken", "dubbel");
    }
  }

  @Nested
  class Limits {

    @Test
    void firstLineLongerThanTheLookAheadIsReadFromItsStart() {
      Problem problem = refusal("titel " + "x".repeat(100_000) + "\n" + HEADER);

      assertThat(problem.code()).isEqualTo("VELD_TE_LANG");
      assertThat(problem.line()).isEqualTo(1L);
    }

    @Test
    void fieldLongerThanAnExcelCellIsRefusedNamingLineAndColumn() {
      Problem problem = refusal(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;ok\n"
          + "taalmaatjes-gekoppeld;Bilgaard;2024;7;\"" + "a".repeat(CsvRowReader.MAX_FIELD_LENGTH + 1) + "\"\n");

      assertThat(problem.code()).isEqualTo("VELD_TE_LANG");
      assertThat(problem.line()).isEqualTo(3L);
      assertThat(problem.field()).isEqualTo("toelichting");
      assertThat(problem.message()).contains("32.767").doesNotContain("aaaa");
    }

    @Test
    void moreColumnsThanAnExcelSheetIsRefusedNamingTheLine() {
      Problem problem = refusal(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7" + ";1".repeat(100_000) + "\n");

      assertThat(problem.code()).isEqualTo("KOLOMLIMIET_OVERSCHREDEN");
      assertThat(problem.line()).isEqualTo(2L);
    }

    @Test
    void recordLongerThanTheLineLimitIsRefused() {
      String wideField = ";" + "b".repeat(20_000);
      Problem problem = refusal(HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7" + wideField.repeat(60) + "\n");

      assertThat(problem.code()).isEqualTo("REGEL_TE_LANG");
      assertThat(problem.line()).isEqualTo(2L);
    }
  }

  @Nested
  class Utf16 {

    private static final String TABBED = "indicator\twijk\tperiode\twaarde\ttoelichting\r\n"
        + "taalmaatjes-gekoppeld\tBilgaard\t2024\t7\tkoppels; gestart, ja\r\n";

    @Test
    void excelUnicodeTextLittleEndianWithTabsIsRead() {
      byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TABBED.getBytes(StandardCharsets.UTF_16LE));

      assertThat(csv(bytes)).singleElement().satisfies(r -> {
        assertThat(r.wijk()).isEqualTo("Bilgaard");
        assertThat(r.toelichting()).as("tab wins over ; and , in the header").isEqualTo("koppels; gestart, ja");
      });
    }

    @Test
    void bigEndianWithByteOrderMarkIsReadAndTheMarkHonouredOnAForcedReRead() {
      byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TABBED.getBytes(StandardCharsets.UTF_16BE));

      assertThat(csv(bytes)).singleElement().satisfies(r -> assertThat(r.waarde()).isEqualTo("7"));
      assertThat(csv(bytes, CharsetSniffer.WINDOWS_1252)).singleElement()
          .satisfies(r -> assertThat(r.waarde()).isEqualTo("7"));
    }
  }

  @Nested
  class UnreadableBytes {

    @Test
    void binaryFileNamedCsvIsReportedForAnotherTryAndThenRefusedAsNoHeader() {
      byte[] xlsx = concat(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0}, new byte[] {(byte) 0x81,
          (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D, 0, 0, '\n', 1, 2, 3});

      Throwable first = catchThrowable(() -> csv(xlsx));
      assertThat(first instanceof CharacterCodingException || first.getCause() instanceof CharacterCodingException)
          .as("the sniffed encoding does not fit: the caller reads again as Windows-1252").isTrue();

      DeliveryRefused second = catchThrowableOfType(DeliveryRefused.class,
          () -> csv(xlsx, CharsetSniffer.WINDOWS_1252));
      assertThat(second).as("the last try must end in a refusal, not in the same error again").isNotNull();
      assertThat(second.problem().code()).isEqualTo("KOPREGEL_ONGELDIG");
      assertThat(second.problem().message()).contains("CSV");
    }

    @Test
    void byteWindows1252DoesNotDefineBecomesAReplacementCharacterWhenWindows1252IsForced() {
      byte[] bytes = concat((HEADER + "taalmaatjes-gekoppeld;Bilgaard;2024;7;caf").getBytes(StandardCharsets.US_ASCII),
          new byte[] {(byte) 0xE9, (byte) 0x81, '\n'});

      assertThat(csv(bytes, CharsetSniffer.WINDOWS_1252)).singleElement()
          .satisfies(r -> assertThat(r.toelichting()).isEqualTo("café\uFFFD"));
    }
  }

  @Nested
  class EmptyFiles {

    @Test
    void zeroBytesAreRefusedAsEmpty() {
      Problem problem = refusal(new byte[0]);

      assertThat(problem.code()).isEqualTo("BESTAND_LEEG");
      assertThat(problem.line()).isNull();
    }

    @Test
    void onlyAByteOrderMarkIsRefusedAsEmpty() {
      assertThat(refusal(BOM).code()).isEqualTo("BESTAND_LEEG");
    }

    @Test
    void onlyEmptyAndWhitespaceLinesAreRefusedAsEmpty() {
      assertThat(refusal("\r\n\n").code()).isEqualTo("BESTAND_LEEG");
      assertThat(refusal("   \n").code()).isEqualTo("BESTAND_LEEG");
    }

    @Test
    void headerWithoutRowsIsRefusedAsEmpty() {
      Problem problem = refusal(HEADER);

      assertThat(problem.code()).isEqualTo("BESTAND_LEEG");
      assertThat(problem.message()).contains("kopregel", "geen cijfers");
    }

    @Test
    void headerFollowedOnlyBySpreadsheetPaddingRowsIsRefusedAsEmpty() {
      assertThat(refusal(HEADER + ";;;;\r\n;;;;\r\n\r\n").code()).isEqualTo("BESTAND_LEEG");
    }

    @Test
    void aSingleRowWithTextIsNotEmptyEvenWhenItIsInvalid() {
      assertThat(csv(HEADER + ";;;;zie bijlage\n")).singleElement()
          .satisfies(r -> assertThat(r.isBlank()).isFalse());
    }
  }
}
