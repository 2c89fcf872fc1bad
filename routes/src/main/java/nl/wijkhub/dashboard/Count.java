package nl.wijkhub.dashboard;

/**
 * A counted value as far as the hub knows it: exact, or withheld by the partner at source ("&lt;5": somewhere from 1
 * to {@code below - 1}, never 0, which a partner can report as such). Sums keep what is known exact and what is not
 * as a range, so that a total with a withheld part is never shown as if it were exact.
 */
public sealed interface Count {

  /** Partners suppress at source with this threshold unless they say otherwise ("&lt;5"). */
  int SOURCE_THRESHOLD = 5;

  /** The smallest value it can be. */
  double min();

  /** The largest value it can be. */
  double max();

  /** True when the value is known exactly. */
  default boolean exact() {
    return min() == max();
  }

  /** The sum of the exactly known parts, i.e. what a total shows before its withheld parts. */
  double known();

  /** How many withheld parts it holds. */
  int withheldParts();

  Count plus(Count other);

  static Count of(double value) {
    return new Exact(value);
  }

  static Count withheld() {
    return new Range(0, 1, SOURCE_THRESHOLD - 1.0);
  }

  /** An exactly known value. */
  record Exact(double value) implements Count {

    public Exact {
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("A count is a finite number of at least 0, not " + value);
      }
    }

    @Override
    public double min() {
      return value;
    }

    @Override
    public double max() {
      return value;
    }

    @Override
    public double known() {
      return value;
    }

    @Override
    public int withheldParts() {
      return 0;
    }

    @Override
    public Count plus(Count other) {
      return other instanceof Exact e ? new Exact(value + e.value) : other.plus(this);
    }
  }

  /**
   * {@code known} plus {@code withheldParts} values withheld at source: between {@code known + withheldParts} and
   * {@code known + withheldParts * maxEach}.
   */
  record Range(double known, int withheldParts, double maxEach) implements Count {

    public Range {
      if (withheldParts < 1 || known < 0 || maxEach < 1) {
        throw new IllegalArgumentException("A range holds at least one withheld part and a known part of at least 0");
      }
    }

    @Override
    public double min() {
      return known + withheldParts;
    }

    @Override
    public double max() {
      return known + withheldParts * maxEach;
    }

    @Override
    public Count plus(Count other) {
      if (other instanceof Range r && r.maxEach != maxEach) {
        throw new IllegalArgumentException("Withheld values with different source thresholds cannot be added");
      }
      return new Range(known + other.known(), withheldParts + other.withheldParts(), maxEach);
    }
  }
}
