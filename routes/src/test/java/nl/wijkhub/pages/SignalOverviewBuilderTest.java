package nl.wijkhub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.dashboard.SignalCountSource;
import nl.wijkhub.dashboard.SignalCountSource.SignalCount;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The signals page from a hand-made table of counts: staff see exact counts, the public page shows small counts as
 * "&lt;5" and hides whatever would let one be computed (a month's total minus the other wijken, a wijk's total minus
 * its other months), and each programme sees only its own covenants.
 */
class SignalOverviewBuilderTest {

  private static final String PMG = "pmg-leeuwarden-oost";
  private static final ReferenceData REFERENCE = new ReferenceDataLoader(new PathMatchingResourcePatternResolver())
      .load("file:../config/");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

  /** Bilgaard: 3 in March, 6 in April; Vrijheidswijk: 7 in March; one signal without wijk in May. */
  private static final List<SignalCount> COUNTS = List.of(
      new SignalCount(PMG, "JONGERE_IN_BEELD", "bilgaard", YearMonth.of(2026, 3), 3),
      new SignalCount(PMG, "JONGERE_IN_BEELD", "bilgaard", YearMonth.of(2026, 4), 6),
      new SignalCount(PMG, "JONGERE_IN_BEELD", "vrijheidswijk", YearMonth.of(2026, 3), 7),
      new SignalCount(PMG, "JONGERE_IN_BEELD", SignalCount.UNKNOWN_WIJK, YearMonth.of(2026, 5), 8),
      new SignalCount(PMG, "HUURACHTERSTAND", "oud-oost", YearMonth.of(2025, 11), 12));

  @Test
  void staffSeeExactCountsWithTotals() {
    SignalOverview page = builder(covenant -> Optional.of(COUNTS)).build(leeuwardenOost(), null, true);

    assertThat(page.year()).as("the latest year with signals").isEqualTo(2026);
    assertThat(page.years()).containsExactly(2025, 2026);
    assertThat(page.available()).isTrue();
    assertThat(page.covenants()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(PMG));
    SignalOverview.TypeTable table = onlyTable(page);
    assertThat(table.label()).isEqualTo("Jongere in beeld");
    assertThat(row(table, "bilgaard").months()).startsWith("0", "0", "3", "6", "0");
    assertThat(row(table, "bilgaard").total()).isEqualTo("9");
    assertThat(row(table, "vrijheidswijk").months().get(2)).isEqualTo("7");
    assertThat(row(table, "").label()).isEqualTo("wijk onbekend");
    assertThat(row(table, "").months().get(4)).isEqualTo("8");
    assertThat(row(table, "totaal").months().get(2)).isEqualTo("10");
    assertThat(row(table, "totaal").total()).isEqualTo("24");
    assertThat(page.notice()).contains("Exacte aantallen");
  }

  @Test
  void thePublicPageShowsSmallCountsAsBelowFiveAndHidesWhatWouldGiveThemAway() {
    SignalOverview page = builder(covenant -> Optional.of(COUNTS)).build(leeuwardenOost(), 2026, false);

    SignalOverview.TypeTable table = onlyTable(page);
    SignalOverview.Row bilgaard = row(table, "bilgaard");
    assertThat(bilgaard.months().get(2)).isEqualTo("<5");
    assertThat(table.rows()).flatExtracting(SignalOverview.Row::months).filteredOn("<5"::equals)
        .as("the one small count; zeros and counts of 5 and more are not small").hasSize(1);
    // March: the total of all wijken minus the other wijken would give Bilgaard's 3; so one of them is hidden.
    assertThat(table.rows().stream().filter(r -> !r.wijk().equals("bilgaard")).map(r -> r.months().get(2)))
        .contains("×");
    // Bilgaard: its year total minus its other months would give March's 3.
    assertThat(Stream.concat(bilgaard.months().stream().filter(v -> !v.equals("<5")),
        Stream.of(bilgaard.total()))).contains("×");
    assertThat(table.rows()).flatExtracting(SignalOverview.Row::months)
        .as("no count from 1 to 4 anywhere").noneMatch(v -> v.matches("[1-4]"));
    assertThat(page.notice()).contains("<5");
  }

  @Test
  void thePublicPageShowsAMonthOnlyThirtyDaysAfterItEndedAndLeavesItOutOfEveryTotal() {
    // On 15 June, April ended 46 days ago and May 15 days ago: May's 8 signals without a wijk are not public yet.
    SignalOverview page = builder(covenant -> Optional.of(COUNTS)).build(leeuwardenOost(), 2026, false);

    SignalOverview.TypeTable table = onlyTable(page);
    assertThat(table.rows()).allSatisfy(r -> {
      assertThat(r.months()).hasSize(12);
      assertThat(r.months().subList(4, 12)).containsOnly(SignalOverviewBuilder.NOT_YET_PUBLIC);
    });
    assertThat(table.rows()).extracting(SignalOverview.Row::wijk).doesNotContain(SignalCount.UNKNOWN_WIJK);
    assertThat(row(table, "totaal").total()).as("March and April only: 3 + 7 + 6").isIn("16", "×");
    assertThat(page.notice()).contains("30 dagen", "tot en met april 2026");

    // On 3 January the year's first signal must not show, not even as a new year to choose.
    List<SignalCount> firstOfTheYear = List.of(new SignalCount(PMG, "JONGERE_IN_BEELD", "bilgaard",
        YearMonth.of(2027, 1), 1));
    SignalOverview january = builder(covenant -> Optional.of(firstOfTheYear),
        Clock.fixed(Instant.parse("2027-01-03T10:00:00Z"), ZoneOffset.UTC)).build(leeuwardenOost(), null, false);
    assertThat(january.years()).containsExactly(2026);
    assertThat(january.year()).isEqualTo(2026);

    SignalOverview staff = builder(covenant -> Optional.of(COUNTS)).build(leeuwardenOost(), 2026, true);
    assertThat(row(onlyTable(staff), "").months().get(4)).as("staff see May at once").isEqualTo("8");
  }

  @Test
  void eachProgrammeSeesItsOwnCovenantsOnly() {
    SignalOverviewBuilder builder = builder(covenant -> Optional.of(List.of()));
    Programme noord = REFERENCE.programmes().stream().filter(p -> p.id().equals("sterk-voor-noord")).findFirst()
        .orElseThrow();

    assertThat(builder.covenantsOf(leeuwardenOost())).containsExactly(PMG);
    assertThat(builder.covenantsOf(noord)).containsExactly("svn-casusoverleg");
    SignalOverview empty = builder.build(leeuwardenOost(), null, true);
    assertThat(empty.year()).as("this year when there are no signals").isEqualTo(2026);
    assertThat(empty.covenants()).singleElement().satisfies(c -> assertThat(c.tables()).isEmpty());
  }

  @Test
  void countsThatCannotBeReadAreSaidToBeUnavailable() {
    SignalOverview page = builder(covenant -> Optional.empty()).build(leeuwardenOost(), null, true);

    assertThat(page.available()).isFalse();
  }

  private static SignalOverviewBuilder builder(SignalCountSource source) {
    return builder(source, CLOCK);
  }

  private static SignalOverviewBuilder builder(SignalCountSource source, Clock clock) {
    var covenants = new CovenantLoader(new PathMatchingResourcePatternResolver()).load("file:../config/", REFERENCE);
    return new SignalOverviewBuilder(REFERENCE, covenants, source, new Suppression(5), Duration.ofDays(30), clock);
  }

  private static Programme leeuwardenOost() {
    return REFERENCE.programmes().stream().filter(p -> p.id().equals("leeuwarden-oost")).findFirst().orElseThrow();
  }

  private static SignalOverview.TypeTable onlyTable(SignalOverview page) {
    return page.covenants().get(0).tables().stream().filter(t -> t.type().equals("JONGERE_IN_BEELD")).findFirst()
        .orElseThrow();
  }

  private static SignalOverview.Row row(SignalOverview.TypeTable table, String wijk) {
    return table.rows().stream().filter(r -> r.wijk().equals(wijk)).findFirst().orElseThrow();
  }
}
