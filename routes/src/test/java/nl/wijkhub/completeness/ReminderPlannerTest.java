package nl.wijkhub.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.wijkhub.completeness.Arrivals.Arrival;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reminders over a run of days with an injected clock; the ledger outlives each planner, as it outlives a restart. */
class ReminderPlannerTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** What a persistent ledger keeps; a fresh planner over it is a restarted hub. */
  private static final class KeptLedger implements ReminderLedger {
    final Set<String> keys = new HashSet<>();

    @Override
    public boolean sent(String key) {
      return keys.contains(key);
    }

    @Override
    public void record(ReminderDigest digest) {
      keys.add(digest.key());
      keys.addAll(digest.reminderKeys());
    }
  }

  @TempDir
  Path dir;
  private DeliveryCalendar calendar;
  private final KeptLedger ledger = new KeptLedger();
  private final List<Arrival> arrivals = new java.util.ArrayList<>();

  @BeforeEach
  void calendar() {
    calendar = CalendarFixture.calendar(dir, """
        programmes: [{programme: leeuwarden-oost, start: "2024-01-01"}]
        figures:
          - {programme: leeuwarden-oost, indicator: taalmaatjes-gekoppeld, every: year, due: P31D}
          - {programme: leeuwarden-oost, indicator: ikc-met-ouderschapsklassen, every: year, due: P31D}
        reminders: [-P14D, -P3D, P1D, P7D]
        """);
  }

  /** One run of the planner on a day, by a planner made afresh, sending (recording) what it plans. */
  private List<ReminderDigest> runOn(String day) {
    Clock clock = Clock.fixed(Instant.parse(day + "T07:00:00Z"), AMSTERDAM);
    LocalDate today = LocalDate.now(clock);
    CompletenessMatrix matrix = CompletenessMatrix.of(calendar.expected("leeuwarden-oost", today), arrivals, today,
        AMSTERDAM);
    List<ReminderDigest> digests = new ReminderPlanner(calendar.reminderOffsets(), ledger).plan(matrix, today,
        id -> CalendarFixture.REFERENCE.partner(id).map(Partner::name).orElse(id),
        code -> CalendarFixture.REFERENCE.indicator("leeuwarden-oost", code).map(Indicator::name).orElse(code));
    digests.forEach(ledger::record);
    return digests;
  }

  @Test
  void oneDigestPerPartnerListsEverythingItOwesInDutch() {
    assertThat(runOn("2025-01-16")).as("before the first reminder day").isEmpty();
    List<ReminderDigest> digests = runOn("2025-01-17");
    assertThat(digests).singleElement().satisfies(d -> {
      assertThat(d.partner()).isEqualTo("dbieb");
      assertThat(d.owed()).extracting(Expectation::indicator)
          .containsExactlyInAnyOrder("taalmaatjes-gekoppeld", "ikc-met-ouderschapsklassen");
      assertThat(d.subject()).isEqualTo("Herinnering: cijfers voor het programma aanleveren");
      assertThat(d.body()).contains("Taalmaatjes gekoppeld via DBieb (taalmaatjes-gekoppeld), periode 2024:"
          + " uiterlijk 31 januari 2025 (nog 14 dagen)");
      assertThat(d.body()).startsWith("Beste DBieb");
    });
  }

  @Test
  void restartOnTheSameDayAndTheDaysBetweenRemindersSendNothing() {
    assertThat(runOn("2025-01-17")).hasSize(1);
    assertThat(runOn("2025-01-17")).as("restart, same day").isEmpty();
    assertThat(runOn("2025-01-18")).as("no new reminder moment").isEmpty();
    assertThat(runOn("2025-01-28")).as("3 days before").hasSize(1);
    assertThat(runOn("2025-02-01")).as("1 day late").singleElement()
        .satisfies(d -> assertThat(d.body()).contains("(1 dag te laat)"));
  }

  @Test
  void noReminderOnceTheFigureArrived() {
    assertThat(runOn("2025-01-17")).singleElement().satisfies(d -> assertThat(d.owed()).hasSize(2));
    arrivals.add(new Arrival("dbieb", "taalmaatjes-gekoppeld", "2024", Instant.parse("2025-01-20T09:00:00Z"), "mail"));
    assertThat(runOn("2025-01-28")).singleElement().satisfies(d -> assertThat(d.owed())
        .extracting(Expectation::indicator).containsExactly("ikc-met-ouderschapsklassen"));
    arrivals.add(new Arrival("dbieb", "ikc-met-ouderschapsklassen", "2024", Instant.parse("2025-02-03T09:00:00Z"),
        "api"));
    assertThat(runOn("2025-02-07")).isEmpty();
  }

  @Test
  void daysTheHubMissedGiveOneReminderForTheLatestMoment() {
    List<ReminderDigest> digests = runOn("2025-02-10");
    assertThat(digests).singleElement().satisfies(d -> {
      assertThat(d.reminderKeys()).allMatch(k -> k.endsWith("|" + Period.ofDays(7)));
      assertThat(d.body()).contains("(10 dagen te laat)");
    });
    assertThat(runOn("2025-02-11")).isEmpty();
  }

  @Test
  void newReminderMomentOnADayThePartnerWasAlreadyMailedWaitsForTheNextDay() {
    ledger.keys.add("dbieb|2025-01-28");
    assertThat(runOn("2025-01-28")).isEmpty();
    assertThat(runOn("2025-01-29")).hasSize(1);
  }
}
