package nl.wijkhub.completeness;

import java.time.LocalDate;
import java.time.YearMonth;

/** The periods the hub knows ({@code 2024}, {@code 2024-Q3}, {@code 2024-09}) as dates. */
final class Periods {

  /** How often a figure is expected. */
  enum Every { YEAR, QUARTER, MONTH }

  private Periods() {}

  static String of(LocalDate day, Every every) {
    return switch (every) {
      case YEAR -> String.valueOf(day.getYear());
      case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
      case MONTH -> YearMonth.from(day).toString();
    };
  }

  static LocalDate start(String period) {
    int year = Integer.parseInt(period.substring(0, 4));
    if (period.length() == 4) {
      return LocalDate.of(year, 1, 1);
    }
    if (period.charAt(5) == 'Q') {
      return LocalDate.of(year, (period.charAt(6) - '1') * 3 + 1, 1);
    }
    return LocalDate.of(year, Integer.parseInt(period.substring(5)), 1);
  }

  static LocalDate end(String period) {
    LocalDate start = start(period);
    if (period.length() == 4) {
      return start.plusYears(1).minusDays(1);
    }
    return period.charAt(5) == 'Q' ? start.plusMonths(3).minusDays(1) : start.plusMonths(1).minusDays(1);
  }

  /** The period after this one, of the same length. */
  static String next(String period, Every every) {
    return of(end(period).plusDays(1), every);
  }
}
