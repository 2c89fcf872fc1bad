package nl.wijkhub.counts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodParserTest {

  @Test
  void yearIsAPeriod() {
    assertThat(PeriodParser.parse("2024")).isEqualTo("2024");
  }

  @Test
  void quarterIsAPeriod() {
    assertThat(PeriodParser.parse("2024-Q3")).isEqualTo("2024-Q3");
  }

  @Test
  void lowerCaseQuarterIsNormalisedToUpperCase() {
    assertThat(PeriodParser.parse("2024-q3")).isEqualTo("2024-Q3");
  }

  @Test
  void monthIsAPeriod() {
    assertThat(PeriodParser.parse("2024-09")).isEqualTo("2024-09");
  }

  @Test
  void surroundingSpacesAreStripped() {
    assertThat(PeriodParser.parse("2024 ")).isEqualTo("2024");
    assertThat(PeriodParser.parse(" 2024-Q1\t")).isEqualTo("2024-Q1");
  }

  @ParameterizedTest(name = "''{0}'' is the period {1}")
  @CsvSource({"2000,2000", "2100,2100", "2024-Q1,2024-Q1", "2024-Q4,2024-Q4", "2024-01,2024-01",
      "2024-12,2024-12"})
  void boundariesOfYearsQuartersAndMonthsAreAccepted(String written, String expected) {
    assertThat(PeriodParser.parse(written)).isEqualTo(expected);
  }

  @Test
  void thirteenthMonthIsNoPeriod() {
    assertThat(PeriodParser.parse("2024-13")).isNull();
  }

  @Test
  void fifthQuarterIsNoPeriod() {
    assertThat(PeriodParser.parse("2024-Q5")).isNull();
  }

  @Test
  void yearBeforeTwoThousandIsNoPeriod() {
    assertThat(PeriodParser.parse("1999")).isNull();
  }

  @Test
  void twoDigitYearIsNoPeriod() {
    assertThat(PeriodParser.parse("24")).isNull();
  }

  @ParameterizedTest(name = "''{0}'' is no period")
  @ValueSource(strings = {"2101", "2024-00", "2024-Q0", "2024-9", "2024-Q", "2024Q3", "2024-Q34", "2024/09",
      "09-2024", "2024-09-01", "sep-24", "3e kwartaal", "Q3 2024", "2024-H1", "2024-W12", "20245", "２０２４", "",
      "   ", "abcd"})
  void otherSpellingsAreNoPeriod(String written) {
    assertThat(PeriodParser.parse(written)).isNull();
  }
}
