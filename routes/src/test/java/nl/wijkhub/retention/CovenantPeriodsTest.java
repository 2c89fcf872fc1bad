package nl.wijkhub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import nl.wijkhub.covenant.CovenantVersion;
import org.junit.jupiter.api.Test;

class CovenantPeriodsTest {

  @Test
  void aMonthExpiresItsRetentionAfterItsLastDayInAmsterdam() {
    Instant expiry = CovenantPeriods.expiry(YearMonth.of(2026, 11), List.of(version(Period.ofMonths(18))));

    assertThat(expiry).isEqualTo(Instant.parse("2028-05-30T22:00:00Z"));
  }

  @Test
  void theLongestRetentionOfTheVersionsValidInTheMonthDecides() {
    Instant expiry = CovenantPeriods.expiry(YearMonth.of(2025, 12),
        List.of(version(Period.ofYears(1)), version(Period.ofMonths(18))));

    assertThat(expiry).isEqualTo(Instant.parse("2027-06-30T22:00:00Z"));
  }

  private static CovenantVersion version(Period retention) {
    return new CovenantVersion("c", "Convenant C", 1, LocalDate.of(2024, 1, 1), null, "doel", "grondslag", null,
        List.of(), List.of(), List.of(), List.of(), retention, Period.ofMonths(6), URI.create("https://x/a#c/v1"),
        false);
  }
}
