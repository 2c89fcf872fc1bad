package nl.wijkhub.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.ProcessingSteps;

/**
 * When the covenant's retention ends for the signals of one month (a data-key period): the retention, counted from
 * the last day of the month, of the longest-keeping covenant version valid in that month. Every copy of the month's
 * signals (key, inbox status, the signal counts' entry per signal) goes at the same moment.
 */
public final class CovenantPeriods {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final Covenants covenants;

  public CovenantPeriods(Covenants covenants) {
    this.covenants = covenants;
  }

  /**
   * When the covenant's retention ends for the signals of the period; empty when no version of the covenant was
   * valid in it, so that none of its signals was routed and the key jobs keep nothing of it either.
   */
  public Optional<Instant> end(String covenant, YearMonth period) {
    List<CovenantVersion> versions = validIn(covenant, period);
    return versions.isEmpty() ? Optional.empty() : Optional.of(expiry(period, versions));
  }

  /** The versions valid on some day of the period, oldest first; none: nothing of the period was ever routed. */
  List<CovenantVersion> validIn(String covenant, YearMonth period) {
    LocalDate first = period.atDay(1);
    LocalDate last = period.atEndOfMonth();
    return covenants.versions(covenant).stream()
        .filter(v -> !v.validFrom().isAfter(last) && (v.validUntil() == null || !v.validUntil().isBefore(first)))
        .sorted(Comparator.comparing(CovenantVersion::validFrom)).toList();
  }

  /** A data-key period of a covenant of which a retention job still keeps something. */
  record CovenantPeriod(String covenant, YearMonth period) {}

  /**
   * The one walk of every retention job: for each kept period whose retention has ended at {@code now}, logs the
   * job's step and then lets {@code remove} delete or destroy what the job keeps of it; how many things went.
   * Logging first means nothing goes without its record; a crash in between removes it on the next run (and logs
   * again).
   */
  int purgeExpired(List<CovenantPeriod> kept, Instant now, ProcessingLog log, String step,
      ToIntFunction<CovenantPeriod> remove) {
    int removed = 0;
    for (CovenantPeriod expired : kept) {
      List<CovenantVersion> versions = validIn(expired.covenant(), expired.period());
      if (versions.isEmpty() || now.isBefore(expiry(expired.period(), versions))) {
        continue;
      }
      logStep(log, step, now, versions.get(versions.size() - 1));
      removed += remove.applyAsInt(expired);
    }
    return removed;
  }

  /** The start of the day after the last day of the period plus the longest retention. */
  static Instant expiry(YearMonth period, List<CovenantVersion> versions) {
    LocalDate lastDay = period.atEndOfMonth();
    LocalDate end = versions.stream().map(CovenantVersion::retention).map(lastDay::plus)
        .max(Comparator.naturalOrder()).orElseThrow();
    return end.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /**
   * Logs a retention step on a covenant's data (its id and version, never a person) and waits for Kafka's
   * confirmation: the step is in the processing log before anything is deleted or destroyed.
   */
  private static void logStep(ProcessingLog log, String step, Instant now, CovenantVersion version) {
    log.recordAndConfirm(ProcessingSteps.at(step, now)
        .setProcessingActivityId(version.processingActivityUri().toString())
        .setOrganisation("wijkhub")
        .setCovenantId(version.covenantId())
        .setCovenantVersion(version.version())
        .setReasonCode(SignalKeyRetention.REASON)
        .build(), null);
  }
}
