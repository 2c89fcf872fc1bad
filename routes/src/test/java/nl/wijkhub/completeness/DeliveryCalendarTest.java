package nl.wijkhub.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.wijkhub.reference.ReferenceDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class DeliveryCalendarTest {

  @TempDir
  Path dir;

  @Test
  void repositoryCalendarIsValid() {
    DeliveryCalendar calendar = new DeliveryCalendarLoader(new DefaultResourceLoader())
        .load("file:../config/", CalendarFixture.REFERENCE);
    List<Expectation> owed = calendar.expected("leeuwarden-oost", LocalDate.of(2025, 6, 1));
    assertThat(owed).filteredOn(e -> e.indicator().equals("extra-leertijd-kinderen")).hasSize(10)
        .allMatch(e -> e.partner().startsWith("ikc-") && e.period().equals("2024"));
    assertThat(owed).anyMatch(e -> e.followUp() && e.period().equals("2025-03"));
  }

  @Test
  void yearlyFigureIsDueOn31JanuaryAndOnlyForEndedPeriods() {
    DeliveryCalendar calendar = CalendarFixture.calendar(dir, """
        programmes: [{programme: leeuwarden-oost, start: "2023-01-01"}]
        figures: [{programme: leeuwarden-oost, indicator: taalmaatjes-gekoppeld, every: year, due: P31D}]
        """);
    assertThat(calendar.expected("leeuwarden-oost", LocalDate.of(2024, 12, 30))).containsExactly(
        new Expectation("leeuwarden-oost", "dbieb", "taalmaatjes-gekoppeld", "2023", LocalDate.of(2024, 1, 31), false));
    assertThat(calendar.expected("leeuwarden-oost", LocalDate.of(2024, 12, 31))).extracting(Expectation::period)
        .containsExactly("2023", "2024");
    assertThat(calendar.expected("sterk-voor-noord", LocalDate.of(2024, 12, 31))).isEmpty();
  }

  @Test
  void quarterlyFigureIsOwedEachQuarter() {
    DeliveryCalendar calendar = CalendarFixture.calendar(dir, """
        programmes: [{programme: leeuwarden-oost, start: "2024-01-01"}]
        figures: [{programme: leeuwarden-oost, indicator: multiteam-aanmeldingen, every: quarter, due: P30D}]
        """);
    List<Expectation> owed = calendar.expected("leeuwarden-oost", LocalDate.of(2024, 10, 15));
    assertThat(owed).extracting(Expectation::period).containsExactly("2024-Q1", "2024-Q2", "2024-Q3");
    assertThat(owed.get(2).due()).isEqualTo(LocalDate.of(2024, 10, 30));
  }

  @Test
  void partnerOwesOnlyPeriodsWhileItWasAPartner() {
    DeliveryCalendar calendar = CalendarFixture.calendar(dir, """
        programmes: [{programme: leeuwarden-oost, start: "2023-01-01"}]
        memberships:
          - {partner: ikc-10, joined: "2024-08-01"}
          - {partner: ikc-9, left: "2024-03-31"}
          - {partner: ikc-8, left: "2023-12-31"}
        figures: [{programme: leeuwarden-oost, indicator: extra-leertijd-kinderen, every: year, due: P31D}]
        """);
    List<Expectation> owed = calendar.expected("leeuwarden-oost", LocalDate.of(2025, 12, 31));
    assertThat(owed).filteredOn(e -> e.partner().equals("ikc-10")).extracting(Expectation::period)
        .containsExactly("2024", "2025");
    assertThat(owed).filteredOn(e -> e.partner().equals("ikc-9")).extracting(Expectation::period)
        .containsExactly("2023", "2024");
    assertThat(owed).filteredOn(e -> e.partner().equals("ikc-8")).extracting(Expectation::period)
        .containsExactly("2023");
    assertThat(owed).filteredOn(e -> e.partner().equals("ikc-1")).hasSize(3);
  }

  @Test
  void followUpIsDueASetTimeAfterTheInterventionStarted() {
    DeliveryCalendar calendar = CalendarFixture.calendar(dir, """
        programmes: [{programme: leeuwarden-oost, start: "2024-01-01"}]
        followUps:
          - {programme: leeuwarden-oost, indicator: gratis-kinderopvang-kinderen, interventionStart: "2024-09-15",
             measureAfter: P6M, due: P30D}
        """);
    assertThat(calendar.expected("leeuwarden-oost", LocalDate.of(2025, 3, 30))).isEmpty();
    assertThat(calendar.expected("leeuwarden-oost", LocalDate.of(2025, 3, 31))).containsExactly(new Expectation(
        "leeuwarden-oost", "gemeente-leeuwarden", "gratis-kinderopvang-kinderen", "2025-03", LocalDate.of(2025, 4, 30),
        true));
  }

  @Test
  void missingFileIsAnEmptyCalendar() {
    DeliveryCalendar calendar = new DeliveryCalendarLoader(new DefaultResourceLoader())
        .load(dir.toUri().toString(), CalendarFixture.REFERENCE);
    assertThat(calendar.expected("leeuwarden-oost", LocalDate.of(2030, 1, 1))).isEmpty();
  }

  @Test
  void everyWrongEntryIsNamedWithItsFix() {
    assertThatThrownBy(() -> CalendarFixture.calendar(dir, """
        programmes: [{programme: leeuwarden, start: "2024-13-01"}]
        memberships: [{partner: ikc-99, joined: "2025-01-01", left: "2024-01-01"}]
        figures:
          - {programme: leeuwarden-oost, indicator: taalmaatjes, every: year, due: P31D}
          - {programme: leeuwarden-oost, indicator: taalmaatjes-gekoppeld, every: week, due: 31 dagen,
             partners: [elkien]}
        reminders: [-P14D, twee weken]
        """)).isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("delivery-calendar.yaml, programme 'leeuwarden': not in programmes.yaml")
        .hasMessageContaining("'start' is '2024-13-01', not a date; write it as 2024-01-31")
        .hasMessageContaining("membership of 'ikc-99': no such partner in partners.yaml")
        .hasMessageContaining("membership of 'ikc-99': left (2024-01-01) is before joined (2025-01-01)")
        .hasMessageContaining("figure 'taalmaatjes' of 'leeuwarden-oost': indicator 'taalmaatjes' is not an indicator")
        .hasMessageContaining("programme 'leeuwarden-oost' has no start under 'programmes:'")
        .hasMessageContaining("every 'week' is not a period length; write year, quarter or month")
        .hasMessageContaining("'due' is '31 dagen', not a period; write it as P31D")
        .hasMessageContaining("partner 'elkien' may not deliver this indicator")
        .hasMessageContaining("reminders: 'offset' is 'twee weken', not a period");
  }

  @Test
  void unknownKeyIsRefused() {
    assertThatThrownBy(() -> CalendarFixture.calendar(dir, "programmes: [{programme: leeuwarden-oost, begin: x}]\n"))
        .hasMessageContaining("delivery-calendar.yaml is not valid at programmes entry 1 > begin");
  }

  @Test
  void fileWithOnlyCommentsIsAnEmptyCalendarLikeAMissingOne() {
    DeliveryCalendar calendar = CalendarFixture.calendar(dir, "# nothing owed yet\n");

    assertThat(calendar.expected("leeuwarden-oost", LocalDate.parse("2026-06-01"))).isEmpty();
    assertThat(calendar.reminderOffsets()).isEmpty();
  }
}
