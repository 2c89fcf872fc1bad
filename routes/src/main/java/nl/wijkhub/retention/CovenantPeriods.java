package nl.wijkhub.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;

/**
 * When the covenant's retention ends for the signals of one month (a data-key period): the retention, counted from
 * the last day of the month, of the longest-keeping covenant version valid in that month. Every copy of the month's
 * signals (key, inbox status) goes at the same moment.
 */
final class CovenantPeriods {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final Covenants covenants;

  CovenantPeriods(Covenants covenants) {
    this.covenants = covenants;
  }

  /** The versions valid on some day of the period, oldest first; none: nothing of the period was ever routed. */
  List<CovenantVersion> validIn(String covenant, YearMonth period) {
    LocalDate first = period.atDay(1);
    LocalDate last = period.atEndOfMonth();
    return covenants.versions(covenant).stream()
        .filter(v -> !v.validFrom().isAfter(last) && (v.validUntil() == null || !v.validUntil().isBefore(first)))
        .sorted(Comparator.comparing(CovenantVersion::validFrom)).toList();
  }

  /** The start of the day after the last day of the period plus the longest retention. */
  static Instant expiry(YearMonth period, List<CovenantVersion> versions) {
    LocalDate lastDay = period.atEndOfMonth();
    LocalDate end = versions.stream().map(CovenantVersion::retention).map(lastDay::plus)
        .max(Comparator.naturalOrder()).orElseThrow();
    return end.plusDays(1).atStartOfDay(ZONE).toInstant();
  }
}
