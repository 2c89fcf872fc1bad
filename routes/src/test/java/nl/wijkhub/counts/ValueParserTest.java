package nl.wijkhub.counts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {

  private static double value(String written) {
    ValueParser.Parsed parsed = ValueParser.parse(written, false);
    assertThat(parsed.ok()).as("'%s' should be read, got %s", written, parsed.code()).isTrue();
    assertThat(parsed.message()).isNull();
    return parsed.value();
  }

  private static String code(String written) {
    ValueParser.Parsed parsed = ValueParser.parse(written, false);
    assertThat(parsed.ok()).as("'%s' should not be read", written).isFalse();
    assertThat(parsed.value()).isNaN();
    assertThat(parsed.message()).isNotBlank();
    return parsed.code();
  }

  @Test
  void wholeNumberIsRead() {
    assertThat(value("18")).isEqualTo(18.0);
  }

  @Test
  void zeroIsAValidCount() {
    assertThat(value("0")).isZero();
  }

  @Test
  void decimalCommaIsRead() {
    assertThat(value("12,5")).isEqualTo(12.5);
  }

  @Test
  void decimalPointIsRead() {
    assertThat(value("12.5")).isEqualTo(12.5);
  }

  @Test
  void fullDutchNotationWithSeveralThousandsGroupsIsRead() {
    assertThat(value("1.234.567")).isEqualTo(1_234_567.0);
  }

  @Test
  void dutchThousandsGroupWithDecimalCommaIsRead() {
    assertThat(value("1.234,5")).isEqualTo(1234.5);
    assertThat(value("1.234.567,89")).isEqualTo(1_234_567.89);
  }

  @Test
  void surroundingSpacesAndTabsAreStripped() {
    assertThat(value(" 7 ")).isEqualTo(7.0);
    assertThat(value("\t7\t")).isEqualTo(7.0);
  }

  @ParameterizedTest(name = "''{0}'' is read as {1}")
  @CsvSource(delimiter = '|', value = {
      "007      | 7",
      "1521     | 1521",
      "12,50    | 12.5",
      "0,5      | 0.5",
      "1234,567 | 1234.567",
      "1234.567 | 1234.567",
      "12.5000  | 12.5",
  })
  void otherUnambiguousNotationsAreRead(String written, double expected) {
    assertThat(value(written)).isEqualTo(expected);
  }

  @Test
  void ambiguousThousandsSeparatorWithDotIsRefusedNotGuessed() {
    assertThat(code("1.521")).isEqualTo("WAARDE_DUBBELZINNIG");
  }

  @Test
  void ambiguousThousandsSeparatorWithCommaIsRefusedNotGuessed() {
    assertThat(code("1,521")).isEqualTo("WAARDE_DUBBELZINNIG");
  }

  @ParameterizedTest(name = "''{0}'' is ambiguous")
  @ValueSource(strings = {"12.345", "999,000", "100.000", " 1.521 "})
  void everySingleGroupOfThreeDigitsIsAmbiguous(String written) {
    assertThat(code(written)).isEqualTo("WAARDE_DUBBELZINNIG");
  }

  @Test
  void ambiguityMessageShowsTheNumberToWriteInstead() {
    assertThat(ValueParser.parse("1.521", false).message()).contains("'1.521'", "1521");
  }

  @Test
  void leadingZeroBeforeTheSeparatorCanOnlyBeADecimalAndIsRead() {
    assertThat(value("0.521")).isEqualTo(0.521);
    assertThat(value("0,521")).isEqualTo(0.521);
  }

  @Test
  void exactJsonNumberWithAGroupOfThreeIsADecimalNotAmbiguous() {
    ValueParser.Parsed parsed = ValueParser.parse("1.521", true);

    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.value()).isEqualTo(1.521);
  }

  @Test
  void negativeValueIsRefusedAsNegative() {
    assertThat(code("-3")).isEqualTo("WAARDE_NEGATIEF");
    assertThat(code(" -0,5")).isEqualTo("WAARDE_NEGATIEF");
    assertThat(ValueParser.parse("-3", true).code()).isEqualTo("WAARDE_NEGATIEF");
  }

  @ParameterizedTest(name = "''{0}'' is not a number")
  @ValueSource(strings = {"abc", "ongeveer 20", "12 personen", "1e5", "NaN", "Infinity", "+5", "1,234,567",
      "1.234.5", "1,234.5", "12,", ",5", "1 521", "0x1F", "½", "7-8"})
  void textThatIsNotADutchNumberIsRefusedAsNoNumber(String written) {
    assertThat(code(written)).isEqualTo("WAARDE_GEEN_GETAL");
  }

  @Test
  void notANumberMessageQuotesWhatWasWritten() {
    assertThat(ValueParser.parse("ongeveer 20", false).message()).contains("'ongeveer 20'", "12,5");
  }

  @ParameterizedTest(name = "missing value [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void emptyValueIsRefusedAsMissing(String written) {
    assertThat(code(written)).isEqualTo("WAARDE_ONTBREEKT");
  }

  @Test
  void nanAndInfinityAreNoNumberEvenWhenExact() {
    assertThat(ValueParser.parse("NaN", true).code()).isEqualTo("WAARDE_GEEN_GETAL");
    assertThat(ValueParser.parse("Infinity", true).code()).isEqualTo("WAARDE_GEEN_GETAL");
  }

  @Test
  void exactNumbersAsJsonGivesThemAreReadWithTheirExponentAndSign() {
    assertThat(ValueParser.parse("-3", true).code()).isEqualTo("WAARDE_NEGATIEF");
    assertThat(ValueParser.parse("1e5", true).value()).isEqualTo(100_000.0);
    assertThat(ValueParser.parse("1e400", true).code()).as("too large for a double").isEqualTo("WAARDE_GEEN_GETAL");
  }

  @ParameterizedTest(name = "''{0}'' is withheld at source")
  @ValueSource(strings = {"<5", " < 5 ", "<\t5"})
  void belowFiveIsAValueWithheldAtSource(String written) {
    ValueParser.Parsed parsed = ValueParser.parse(written, false);

    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.withheld()).isTrue();
    assertThat(parsed.value()).isZero();
  }

  @Test
  void aNumberIsNeverWithheld() {
    assertThat(ValueParser.parse("3", false).withheld()).isFalse();
    assertThat(ValueParser.parse("0", true).withheld()).isFalse();
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"<3", "<10", "<", "< 5 personen", "<5,0"})
  void anyOtherBoundIsRefusedNamingHowToWriteIt(String written) {
    ValueParser.Parsed parsed = ValueParser.parse(written, false);

    assertThat(parsed.code()).isEqualTo("WAARDE_AFGESCHERMD_ONGELDIG");
    assertThat(parsed.withheld()).isFalse();
    assertThat(parsed.message()).contains("<5", "1 tot en met 4");
  }
}
