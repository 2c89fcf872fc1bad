package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.wijkhub.counts.CountColumns;
import org.junit.jupiter.api.Test;

/** The small value types rows and problems are made of: {@link Column}, {@link RawRow} and {@link Problem}. */
class RowModelTest {

  private static final Layout LAYOUT = CountColumns.LAYOUT;

  @Test
  void headerNameMatchesAColumnIgnoringCaseAndSurroundingSpaces() {
    assertThat(LAYOUT.ofHeader("indicator")).contains(CountColumns.INDICATOR);
    assertThat(LAYOUT.ofHeader("  WAARDE\t")).contains(CountColumns.WAARDE);
    assertThat(LAYOUT.ofHeader("Toelichting")).contains(CountColumns.TOELICHTING);
  }

  @Test
  void headerNameThatIsNoColumnMatchesNothing() {
    assertThat(LAYOUT.ofHeader("aantal")).isEmpty();
    assertThat(LAYOUT.ofHeader("wijk code")).isEmpty();
    assertThat(LAYOUT.ofHeader("")).isEmpty();
  }

  @Test
  void columnsAreIndexedInOrderAndOnlyToelichtingIsOptional() {
    assertThat(LAYOUT.columns()).extracting(Column::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(LAYOUT.columns()).filteredOn(c -> !c.required()).containsExactly(CountColumns.TOELICHTING);
    assertThat(LAYOUT.headerLine(";")).isEqualTo("indicator;wijk;periode;waarde;toelichting");
    assertThat(LAYOUT.dutchList()).isEqualTo("indicator, wijk, periode, waarde en toelichting");
  }

  @Test
  void rowWithOnlyEmptyOrWhitespaceFieldsIsBlank() {
    assertThat(new CountRow(2, null, null, null, null, false, null, 0).isBlank()).isTrue();
    assertThat(new CountRow(2, "", " ", "\t", "", false, "  ", 0).isBlank()).isTrue();
  }

  @Test
  void rowWithTextInAnyFieldIsNotBlank() {
    assertThat(new CountRow(2, null, null, null, null, false, "zie bijlage", 0).isBlank()).isFalse();
    assertThat(new CountRow(2, null, null, null, "0", false, null, 0).isBlank()).isFalse();
  }

  @Test
  void rowWithAProblemInACellIsNotBlankEvenWithoutText() {
    Problem formula = Problem.ofField(2, "waarde", "FORMULE_ZONDER_WAARDE", "formule", null);

    assertThat(new CountRow(2, null, null, null, null, false, null, 0, List.of(formula)).isBlank()).isFalse();
    assertThat(new CountRow(2, null, null, null, "7", false, null, 0).cellProblems()).isEmpty();
  }

  @Test
  void longTextIsShortenedToFortyCharactersInTheExcerpt() {
    String written = "a".repeat(200);

    Problem problem = Problem.ofField(3, "toelichting", "TOELICHTING_TE_LANG", "te lang", written);

    assertThat(problem.excerpt()).hasSize(40).startsWith("aaa").endsWith("…");
    assertThat(Problem.excerpt("a".repeat(40))).hasSize(40).doesNotContain("…");
    assertThat(Problem.excerpt(null)).isNull();
  }

  @Test
  void fileProblemHasNoLineFieldOrExcerpt() {
    Problem problem = Problem.ofFile("BESTAND_LEEG", "leeg");

    assertThat(problem.line()).isNull();
    assertThat(problem.field()).isNull();
    assertThat(problem.excerpt()).isNull();
  }
}
