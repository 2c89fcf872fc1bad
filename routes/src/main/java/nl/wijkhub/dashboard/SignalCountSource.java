package nl.wijkhub.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The read model of the signal aggregates: per covenant, signal type, wijk and month how many signals currently
 * count (new and corrected ones, withdrawn ones not). No signal, person or pseudonym is in it. The streaming
 * aggregation implements it; tests fill it by hand.
 */
public interface SignalCountSource {

  /**
   * Every non-zero count of a covenant, or empty while the aggregation is not ready to answer (starting, or
   * rebalancing after another instance joined): a page then says so instead of showing a partial table.
   */
  Optional<List<SignalCount>> counts(String covenant);

  /**
   * @param wijk the wijk code, {@link #UNKNOWN_WIJK} when the covenant does not pass the wijk on
   */
  record SignalCount(String covenant, String signalType, String wijk, YearMonth month, long count) {

    /** The wijk of signals routed without one. */
    public static final String UNKNOWN_WIJK = "";
  }
}
