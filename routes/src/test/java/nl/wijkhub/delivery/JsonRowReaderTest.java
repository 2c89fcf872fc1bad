package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.Fixtures.BOM;
import static nl.wijkhub.delivery.Fixtures.concat;
import static nl.wijkhub.delivery.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowReaderTest {

  private static Problem refusal(String text) {
    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class, () -> json(text));
    assertThat(refused).as("delivery should be refused as a whole").isNotNull();
    return refused.problem();
  }

  @Test
  void arrayOfObjectsGivesOneRowPerObjectAtTheLineWhereItStarts() {
    List<CountRow> rows = json("""
        [
          {"indicator": "taalmaatjes-gekoppeld", "wijk": "bilgaard", "periode": "2024", "waarde": 18},
          {
            "indicator": "basisvaardigheden-deelnemers",
            "wijk": "vrijheidswijk",
            "periode": "2024-Q3",
            "waarde": "12",
            "toelichting": "cursus Klik & Tik"
          }
        ]
        """);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).isEqualTo(new CountRow(2, "taalmaatjes-gekoppeld", "bilgaard", "2024", "18", true, null, 0));
    assertThat(rows.get(1)).isEqualTo(new CountRow(3, "basisvaardigheden-deelnemers", "vrijheidswijk", "2024-Q3", "12",
        false, "cursus Klik & Tik", 0));
  }

  @Test
  void waardeAsJsonNumberIsExactSoADotIsADecimalPoint() {
    CountRow row = json("[{\"waarde\": 1.521}]").get(0);

    assertThat(row.waarde()).isEqualTo("1.521");
    assertThat(row.exactValue()).as("the value rules then read the dot as a decimal point").isTrue();
  }

  @Test
  void waardeAsJsonStringIsReadLikeCsvTextAndStaysAmbiguous() {
    CountRow row = json("[{\"waarde\": \"1.521\"}]").get(0);

    assertThat(row.exactValue()).as("the value rules then doubt the dot").isFalse();
  }

  @Test
  void negativeAndExponentNumbersArePassedOnAsWrittenForTheValueRules() {
    List<CountRow> rows = json("[{\"waarde\": -3}, {\"waarde\": 1e5}, {\"waarde\": 1e400}]");

    assertThat(rows).extracting(CountRow::waarde).containsExactly("-3", "1e5", "1e400");
    assertThat(rows).allSatisfy(r -> assertThat(r.exactValue()).isTrue());
  }

  @Test
  void fieldNamesMatchIgnoringCaseLikeTheCsvHeader() {
    assertThat(json("[{\"Indicator\": \"a\", \"WIJK\": \"b\", \"Periode\": \"2024\", \"Waarde\": 1}]"))
        .singleElement().satisfies(r -> {
          assertThat(r.indicator()).isEqualTo("a");
          assertThat(r.wijk()).isEqualTo("b");
          assertThat(r.waarde()).isEqualTo("1");
        });
  }

  @Test
  void nullNestedAndUnknownFieldsLeaveTheColumnEmpty() {
    CountRow row = json("""
        [{"indicator": null, "wijk": {"code": "bilgaard"}, "periode": ["2024"], "waarde": 7, "bron": "excel",
          "extra": {"diep": [1, 2, {"x": 3}]}, "toelichting": "na de rommel"}]
        """).get(0);

    assertThat(row.indicator()).isNull();
    assertThat(row.wijk()).isNull();
    assertThat(row.periode()).isNull();
    assertThat(row.waarde()).isEqualTo("7");
    assertThat(row.toelichting()).as("reading goes on after skipped structures").isEqualTo("na de rommel");
  }

  @Test
  void booleanWaardeBecomesTextThatIsNoNumber() {
    CountRow row = json("[{\"waarde\": true}]").get(0);

    assertThat(row.waarde()).isEqualTo("true");
    assertThat(row.exactValue()).as("the value rules then refuse it as no number").isFalse();
  }

  @Test
  void emptyObjectIsABlankRow() {
    List<CountRow> rows = json("[{}, {\"indicator\": \"taalmaatjes-gekoppeld\"}]");

    assertThat(rows).extracting(CountRow::isBlank).containsExactly(true, false);
  }

  @Test
  void utf8WithByteOrderMarkIsRead() {
    byte[] bytes = concat(BOM, "[{\"wijk\": \"Schiéringen\", \"waarde\": 1}]".getBytes(StandardCharsets.UTF_8));

    assertThat(json(bytes)).singleElement().satisfies(r -> assertThat(r.wijk()).isEqualTo("Schiéringen"));
  }

  @Test
  void windows1252BytesInJsonAreRefusedAsInvalidJsonAtTheirLine() {
    byte[] bytes = concat("[\n  {\"wijk\": \"bilgaard\", \"waarde\": 1},\n  {\"toelichting\": \"caf"
        .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9}, "\"}\n]".getBytes(StandardCharsets.US_ASCII));

    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class, () -> json(bytes));

    assertThat(refused.problem().code()).isEqualTo("JSON_ONGELDIG");
    assertThat(refused.problem().line()).isEqualTo(3L);
  }

  @Test
  void objectInsteadOfArrayIsRefusedAsInvalidJson() {
    Problem problem = refusal("{\"indicator\": \"taalmaatjes-gekoppeld\", \"waarde\": 7}");

    assertThat(problem.code()).isEqualTo("JSON_ONGELDIG");
    assertThat(problem.line()).isEqualTo(1L);
    assertThat(problem.message()).contains("lijst");
  }

  @Test
  void arrayHoldingSomethingOtherThanObjectsIsRefusedAtThatLine() {
    Problem problem = refusal("[\n  {\"waarde\": 1},\n  7\n]");

    assertThat(problem.code()).isEqualTo("JSON_ONGELDIG");
    assertThat(problem.line()).isEqualTo(3L);
  }

  @Test
  void syntaxErrorIsRefusedAsInvalidJsonNamingItsLine() {
    Problem problem = refusal("[\n  {\"waarde\": 1},\n  {\"waarde\": 2,}\n]");

    assertThat(problem.code()).isEqualTo("JSON_ONGELDIG");
    assertThat(problem.line()).isEqualTo(3L);
    assertThat(problem.message()).contains("regel 3");
  }

  @Test
  void singleQuotesAsSomeScriptsWriteThemAreRefusedAsInvalidJson() {
    Problem problem = refusal("[{'waarde': 1}]");

    assertThat(problem.code()).isEqualTo("JSON_ONGELDIG");
    assertThat(problem.line()).isEqualTo(1L);
  }

  @Test
  void truncatedFileIsRefusedAsInvalidJson() {
    assertThat(refusal("[{\"waarde\": 1},\n{\"waarde\": 2").code()).isEqualTo("JSON_ONGELDIG");
  }

  @Test
  void textAfterTheClosingBracketIsRefusedInsteadOfIgnored() {
    Problem problem = refusal("[{\"waarde\": 1}]\nklaar\n");

    assertThat(problem.code()).isEqualTo("JSON_ONGELDIG");
    assertThat(problem.line()).isEqualTo(2L);
  }

  @Test
  void secondListAppendedToTheFileIsRefusedInsteadOfDroppedUnread() {
    Problem problem = refusal("[{\"waarde\": 1}]\n[{\"waarde\": 2}]\n");

    assertThat(problem.code()).isEqualTo("JSON_ONGELDIG");
    assertThat(problem.message()).contains("één lijst");
  }

  @Test
  void emptyListIsRefusedAsEmpty() {
    assertThat(refusal("[ ]\n").code()).isEqualTo("BESTAND_LEEG");
  }

  @Test
  void listOfOnlyEmptyObjectsIsRefusedAsEmpty() {
    assertThat(refusal("[{}, {\"bron\": \"excel\"}]").code()).isEqualTo("BESTAND_LEEG");
  }

  @Test
  void whitespaceOnlyIsRefusedAsInvalidJson() {
    assertThat(refusal("  \n").code()).isEqualTo("JSON_ONGELDIG");
  }

  @Test
  void textLongerThanAnExcelCellIsRefusedNamingLineAndField() {
    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class,
        () -> json("[{\"indicator\": \"taalmaatjes-gekoppeld\",\n \"toelichting\": \""
            + "a".repeat(10 * 1024 * 1024) + "\"}]"));

    assertThat(refused).isNotNull();
    assertThat(refused.problem().code()).isEqualTo("VELD_TE_LANG");
    assertThat(refused.problem().field()).isEqualTo("toelichting");
    assertThat(refused.problem().line()).isEqualTo(2L);
  }
}
