package nl.wijkhub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.completeness.Arrivals.Arrival;
import nl.wijkhub.completeness.DeliveryCalendar;
import nl.wijkhub.completeness.DeliveryCalendarLoader;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** The completeness page's rows from a hand-written calendar: memberships, states, channels and shares. */
class CompletenessViewsTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ReferenceData REFERENCE = new ReferenceDataLoader(new DefaultResourceLoader())
      .load("file:../config/");
  private static final Programme OOST = REFERENCE.programmes().stream()
      .filter(p -> p.id().equals("leeuwarden-oost")).findFirst().orElseThrow();

  @TempDir
  Path dir;
  private final List<Arrival> arrivals = new ArrayList<>();
  private CompletenessViews views;

  @BeforeEach
  void calendar() throws IOException {
    Files.writeString(dir.resolve("delivery-calendar.yaml"), """
        programmes: [{programme: leeuwarden-oost, start: "2024-01-01"}]
        memberships:
          - {partner: ikc-1, left: "2024-06-30"}
          - {partner: ikc-2, joined: "2025-03-01"}
        figures:
          - {programme: leeuwarden-oost, indicator: taalmaatjes-gekoppeld, every: year, due: P31D}
          - {programme: leeuwarden-oost, indicator: extra-leertijd-kinderen, every: year, due: P31D}
        """);
    DeliveryCalendar calendar = new DeliveryCalendarLoader(new DefaultResourceLoader())
        .load(dir.toUri().toString(), REFERENCE);
    views = new CompletenessViews(REFERENCE, calendar, programme -> arrivals,
        Clock.fixed(Instant.parse("2026-02-15T10:00:00Z"), AMSTERDAM), AMSTERDAM);
  }

  @Test
  void onlyMembersOfTheYearAreListedWithArrivalTimeChannelAndState() {
    arrivals.add(new Arrival("dbieb", "taalmaatjes-gekoppeld", "2025", Instant.parse("2026-01-10T09:30:00Z"),
        "EMAIL"));
    arrivals.add(new Arrival("ikc-3", "extra-leertijd-kinderen", "2025", Instant.parse("2026-02-05T12:00:00Z"),
        "API"));
    arrivals.add(new Arrival("ikc-1", "extra-leertijd-kinderen", "2025", Instant.parse("2026-01-05T12:00:00Z"),
        "FILE"));

    Completeness page = views.build(OOST, 2025);

    assertThat(page.years()).containsExactly(2024, 2025);
    assertThat(page.partners()).extracting(Completeness.PartnerBlock::id)
        .as("ikc-1 left in 2024, so its delivery for 2025 neither lists nor counts")
        .contains("dbieb", "ikc-2", "ikc-3", "ikc-10").doesNotContain("ikc-1").hasSize(10);
    assertThat(page.share()).as("2 of the 10 figures due arrived").isEqualTo("20 %");
    assertThat(line(page, "dbieb")).satisfies(l -> {
      assertThat(l.state()).isEqualTo("op tijd binnen");
      assertThat(l.arrivedAt()).isEqualTo("10 januari 2026 10:30");
      assertThat(l.channel()).isEqualTo("e-mail");
      assertThat(l.due()).isEqualTo("31 januari 2026");
    });
    assertThat(line(page, "ikc-3")).satisfies(l -> {
      assertThat(l.state()).isEqualTo("te laat binnen");
      assertThat(l.style()).isEqualTo("te-laat");
      assertThat(l.channel()).isEqualTo("API");
    });
    assertThat(line(page, "ikc-4")).satisfies(l -> {
      assertThat(l.state()).isEqualTo("ontbreekt");
      assertThat(l.style()).isEqualTo("ontbreekt");
      assertThat(l.arrivedAt()).isEmpty();
    });
    assertThat(page.partners()).filteredOn(b -> b.id().equals("dbieb")).singleElement()
        .extracting(Completeness.PartnerBlock::share).isEqualTo("100 %");
  }

  @Test
  void aPartnerThatJoinedLaterOwesNothingForTheYearsBefore() {
    Completeness page = views.build(OOST, 2024);

    assertThat(page.partners()).extracting(Completeness.PartnerBlock::id).contains("ikc-1")
        .doesNotContain("ikc-2");
    assertThat(page.share()).isEqualTo("0 %");
  }

  private static Completeness.Line line(Completeness page, String partner) {
    return page.partners().stream().filter(b -> b.id().equals(partner)).findFirst().orElseThrow().lines().get(0);
  }
}
