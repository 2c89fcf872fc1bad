package nl.wijkhub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The status rule on figures from the 2024 annual report of Leeuwarden Oost and on edge cases. */
class StatusRuleTest {

  private static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);
  private static final Target YEAR_2024_OF_25 = new Target(25, LocalDate.of(2024, 1, 1), END_2024);

  @Test
  void withoutTargetTheStatusSaysSoWhateverWasRealised() {
    assertThat(StatusRule.assess(Count.of(1521), null, END_2024)).isEqualTo(Status.GEEN_STREEFWAARDE);
    assertThat(StatusRule.assess(null, null, END_2024)).isEqualTo(Status.GEEN_STREEFWAARDE);
  }

  @Test
  void targetMetIsBehaaldEvenBeforeItIsDue() {
    assertThat(StatusRule.assess(Count.of(25), YEAR_2024_OF_25, END_2024)).isEqualTo(Status.BEHAALD);
    assertThat(StatusRule.assess(Count.of(30), YEAR_2024_OF_25, LocalDate.of(2024, 3, 1)))
        .isEqualTo(Status.BEHAALD);
  }

  @Test
  void targetMissedAtItsEndIsAchter() {
    Target schuldenvrij = new Target(100, LocalDate.of(2024, 1, 1), END_2024);
    assertThat(StatusRule.assess(Count.of(78), schuldenvrij, END_2024)).isEqualTo(Status.ACHTER);
    assertThat(StatusRule.assess(Count.of(0), new Target(75, LocalDate.of(2024, 1, 1), END_2024), END_2024))
        .isEqualTo(Status.ACHTER);
  }

  @Test
  void halfwayTheYearHalfTheTargetIsOpKoersAndLessIsAchter() {
    LocalDate midYear = LocalDate.of(2024, 7, 1);
    assertThat(StatusRule.assess(Count.of(13), YEAR_2024_OF_25, midYear)).isEqualTo(Status.OP_KOERS);
    assertThat(StatusRule.assess(Count.of(11), YEAR_2024_OF_25, midYear)).isEqualTo(Status.ACHTER);
  }

  @Test
  void multiYearTargetFollowsTheStraightLineFromItsStart() {
    Target woningen = new Target(1600, LocalDate.of(2024, 1, 1), LocalDate.of(2034, 12, 31));
    // One year of eleven passed: 1600 / 11 = 145 expected by the end of 2024; 11 started is behind.
    assertThat(StatusRule.assess(Count.of(11), woningen, END_2024)).isEqualTo(Status.ACHTER);
    assertThat(StatusRule.assess(Count.of(150), woningen, END_2024)).isEqualTo(Status.OP_KOERS);
  }

  @Test
  void nothingDeliveredForATargetIsNogGeenCijfer() {
    assertThat(StatusRule.assess(null, YEAR_2024_OF_25, END_2024)).isEqualTo(Status.GEEN_CIJFER);
  }

  @Test
  void withheldValueDecidesOnlyWhenItsWholeRangeAgrees() {
    Target two = new Target(2, LocalDate.of(2024, 1, 1), END_2024);
    Target four = new Target(4, LocalDate.of(2024, 1, 1), END_2024);
    Target ten = new Target(10, LocalDate.of(2024, 1, 1), END_2024);
    // "<5" means 1 to 4: at least 1, which never reaches 2 for sure, at most 4, which never reaches 10.
    assertThat(StatusRule.assess(Count.withheld(), ten, END_2024)).isEqualTo(Status.ACHTER);
    assertThat(StatusRule.assess(Count.withheld(), four, END_2024)).isEqualTo(Status.ONBEPAALD);
    assertThat(StatusRule.assess(Count.of(20).plus(Count.withheld()), ten, END_2024)).isEqualTo(Status.BEHAALD);
    // Mid-year the line stands near 1 for a target of 2 (all of "<5" is on or above it) and near 2 for 4 (not).
    assertThat(StatusRule.assess(Count.withheld(), two, LocalDate.of(2024, 6, 30))).isEqualTo(Status.OP_KOERS);
    assertThat(StatusRule.assess(Count.withheld(), four, LocalDate.of(2024, 6, 30))).isEqualTo(Status.ONBEPAALD);
  }

  @Test
  void explanationNamesEveryStatusThePageCanShow() {
    for (Status status : Status.values()) {
      assertThat(StatusRule.EXPLANATION).contains('"' + status.label() + '"');
    }
  }
}
