package nl.wijkhub.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.wijkhub.completeness.Arrivals.Arrival;
import nl.wijkhub.completeness.CompletenessMatrix.State;
import org.junit.jupiter.api.Test;

class CompletenessMatrixTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final LocalDate DUE = LocalDate.of(2025, 1, 31);

  private static Expectation owed(String partner, String period, LocalDate due) {
    return new Expectation("leeuwarden-oost", partner, "extra-leertijd-kinderen", period, due, false);
  }

  @Test
  void eachExpectedFigureIsOnTimeLateMissingOrOpen() {
    List<Expectation> expected = List.of(owed("ikc-1", "2024", DUE), owed("ikc-2", "2024", DUE),
        owed("ikc-3", "2024", DUE), owed("ikc-4", "2025", LocalDate.of(2026, 1, 31)));
    List<Arrival> arrivals = List.of(
        // Deadlines are Amsterdam dates: 22:30 UTC is 23:30 on 31 January there (on time), 23:30 UTC is already
        // 1 February (late).
        new Arrival("ikc-1", "extra-leertijd-kinderen", "2024", Instant.parse("2025-01-31T22:30:00Z"), "api"),
        new Arrival("ikc-2", "extra-leertijd-kinderen", "2024", Instant.parse("2025-01-31T23:30:00Z"), "mail"));
    CompletenessMatrix matrix = CompletenessMatrix.of(expected, arrivals, LocalDate.of(2025, 2, 10), AMSTERDAM);

    assertThat(matrix.cells()).extracting(CompletenessMatrix.Cell::state)
        .containsExactly(State.ON_TIME, State.LATE, State.MISSING, State.OPEN);
    assertThat(matrix.cells().get(0).channel()).isEqualTo("api");
    assertThat(matrix.cells().get(1).arrivedAt()).isEqualTo(Instant.parse("2025-01-31T23:30:00Z"));
    assertThat(matrix.completeness()).isEqualTo(2.0 / 3);
    assertThat(matrix.completeness("ikc-3")).isZero();
    assertThat(matrix.completeness("ikc-4")).as("nothing due yet").isEqualTo(1);
  }

  @Test
  void earliestArrivalCountsAndCorrectionsOrUnowedFiguresNeverPushAbove100Percent() {
    List<Expectation> expected = List.of(owed("ikc-1", "2024", DUE));
    List<Arrival> arrivals = List.of(
        new Arrival("ikc-1", "extra-leertijd-kinderen", "2024", Instant.parse("2025-02-05T10:00:00Z"), "api"),
        new Arrival("ikc-1", "extra-leertijd-kinderen", "2024", Instant.parse("2025-01-20T10:00:00Z"), "folder"),
        new Arrival("ikc-1", "extra-leertijd-kinderen", "2023", Instant.parse("2025-01-20T10:00:00Z"), "folder"),
        // ikc-5 is not expected (e.g. not yet a partner): its delivery is stored but not counted here.
        new Arrival("ikc-5", "extra-leertijd-kinderen", "2024", Instant.parse("2025-01-20T10:00:00Z"), "folder"));
    CompletenessMatrix matrix = CompletenessMatrix.of(expected, arrivals, LocalDate.of(2025, 3, 1), AMSTERDAM);
    assertThat(matrix.cells()).singleElement().satisfies(c -> {
      assertThat(c.state()).isEqualTo(State.ON_TIME);
      assertThat(c.channel()).isEqualTo("folder");
    });
    assertThat(matrix.completeness()).isEqualTo(1);
    assertThat(matrix.completeness("ikc-5")).isEqualTo(1);
    assertThat(matrix.cells()).noneMatch(c -> c.expected().partner().equals("ikc-5"));
  }

  @Test
  void onTheDeadlineItselfAMissingFigureIsStillOpen() {
    CompletenessMatrix matrix = CompletenessMatrix.of(List.of(owed("ikc-1", "2024", DUE)), List.of(), DUE, AMSTERDAM);
    assertThat(matrix.cells().get(0).state()).isEqualTo(State.OPEN);
  }
}
