package nl.wijkhub.signalcounts;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.retention.CovenantPeriods;

/**
 * When the covenant's retention ends for the signals of a month: the moment the retention job destroys that month's
 * data key ({@link CovenantPeriods}), so that the counts let go of each signal together with every other copy.
 */
@FunctionalInterface
interface CellRetention {

  /** Empty when no version of the covenant was valid in the month: then none of its signals was routed. */
  Optional<Instant> end(String covenant, YearMonth month);

  static CellRetention of(Covenants covenants) {
    return new CovenantPeriods(covenants)::end;
  }
}
