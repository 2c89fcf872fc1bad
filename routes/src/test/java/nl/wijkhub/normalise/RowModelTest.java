package nl.wijkhub.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small value types rows and problems are made of: {@link Column}, {@link RawRow} and {@link Problem}. */
class RowModelTest {

  @Test
  void headerNameMatchesAColumnIgnoringCaseAndSurroundingSpaces() {
    assertThat(Column.ofHeader("indicator")).contains(Column.INDICATOR);
    assertThat(Column.ofHeader("  WAARDE\t")).contains(Column.WAARDE);
    assertThat(Column.ofHeader("Toelichting")).contains(Column.TOELICHTING);
  }

  @Test
  void headerNameThatIsNoColumnMatchesNothing() {
    assertThat(Column.ofHeader("aantal")).isEmpty();
    assertThat(Column.ofHeader("wijk code")).isEmpty();
    assertThat(Column.ofHeader("")).isEmpty();
  }

  @Test
  void onlyToelichtingIsOptional() {
    assertThat(Column.values()).filteredOn(c -> !c.required()).containsExactly(Column.TOELICHTING);
    assertThat(Column.PERIODE.header()).isEqualTo("periode");
  }

  @Test
  void rowWithOnlyEmptyOrWhitespaceFieldsIsBlank() {
    assertThat(new RawRow(2, null, null, null, null, false, null, 0).isBlank()).isTrue();
    assertThat(new RawRow(2, "", " ", "\t", "", false, "  ", 0).isBlank()).isTrue();
  }

  @Test
  void rowWithTextInAnyFieldIsNotBlank() {
    assertThat(new RawRow(2, null, null, null, null, false, "zie bijlage", 0).isBlank()).isFalse();
    assertThat(new RawRow(2, null, null, null, "0", false, null, 0).isBlank()).isFalse();
  }

  @Test
  void rowWithAProblemInACellIsNotBlankEvenWithoutText() {
    Problem formula = Problem.ofField(2, "waarde", "FORMULE_ZONDER_WAARDE", "formule", null);

    assertThat(new RawRow(2, null, null, null, null, false, null, 0, List.of(formula)).isBlank()).isFalse();
    assertThat(new RawRow(2, null, null, null, "7", false, null, 0).cellProblems()).isEmpty();
  }

  @Test
  void longTextIsShortenedToEightyCharactersInTheExcerpt() {
    String written = "a".repeat(200);

    Problem problem = Problem.ofField(3, "toelichting", "TOELICHTING_TE_LANG", "te lang", written);

    assertThat(problem.excerpt()).hasSize(80).startsWith("aaa").endsWith("…");
    assertThat(Problem.excerpt("a".repeat(80))).hasSize(80).doesNotContain("…");
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
