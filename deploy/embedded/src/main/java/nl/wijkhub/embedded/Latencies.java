package nl.wijkhub.embedded;

import java.util.Arrays;

/**
 * The arithmetic of the signal benchmark: percentiles of measured latencies and the send schedule of a paced
 * sender.
 */
final class Latencies {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Latencies() {}

  /**
   * The {@code p}-th percentile (0 &lt; p &le; 100) by the nearest-rank method: the smallest value that at least
   * p percent of the values are at or below. Always one of the values, never an interpolation.
   */
  static long percentile(long[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("No values to take a percentile of");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("A percentile lies in (0, 100], not " + p);
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /**
   * When the {@code index}-th send (from 0) is due, in {@link System#nanoTime()} terms, at {@code perSecond} sends a
   * second from {@code start}. Computed from the start each time rather than by adding a period, so that rounding
   * never accumulates into drift: send 50 of 50/s is due exactly one second after send 0.
   */
  static long dueNanos(long start, long index, int perSecond) {
    return start + Math.multiplyExact(index, NANOS_PER_SECOND) / perSecond;
  }

  /** How many sends a run of {@code seconds} at {@code perSecond} makes. */
  static int sends(int seconds, int perSecond) {
    return Math.multiplyExact(seconds, perSecond);
  }

  /** The rate the sends actually had: intervals between the first and the last send over the time they took. */
  static double achievedPerSecond(long firstNanos, long lastNanos, int sends) {
    return sends < 2 || lastNanos <= firstNanos ? 0 : (sends - 1) * (double) NANOS_PER_SECOND / (lastNanos - firstNanos);
  }
}
