package nl.wijkhub.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protects a published table against disclosing small numbers, after Statistics Norway's GaussSuppression.
 *
 * <p>Primary: a cell that is, or may be, from 1 to {@code threshold - 1} shows "&lt;threshold". Secondary: every
 * published cell is a sum of inner cells, i.e. a vector over them. A small cell is disclosed exactly when its
 * vector is a linear combination of the published cells' vectors (a total minus its other parts, a row total minus
 * a column, and so on through any number of steps). Candidates are taken one by one in order of how much they
 * matter to readers (totals first, then larger values) and published unless adding them to the published span would
 * let a small cell be computed; then they are hidden instead. Exact integer elimination, so no rounding can let a
 * disclosure through.
 *
 * <p>A value withheld at source is unknown to the hub as well; a total containing it shows its known part plus the
 * withheld range. Publishing that range is the same as publishing the sum of the total's other parts, so the
 * withheld inner cells are left out of the vectors and the analysis protects the other parts like any other.
 *
 * <p>Zeros are published and never primary. CBS rounds neighbourhood counts to multiples of 5 instead; the yearly
 * report must reproduce the figures partners delivered, so this hub suppresses rather than rounds.
 */
public final class Suppression {

  public static final int DEFAULT_THRESHOLD = 5;

  private final int threshold;

  public Suppression(int threshold) {
    if (threshold < 2) {
      throw new IllegalArgumentException("A small-number threshold below 2 protects nothing: " + threshold);
    }
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** What each published cell of the table may show, in the order the cells were published. */
  public <K> Map<K, Shown> protect(TableCells<K> table) {
    List<TableCells.Published<K>> cells = table.published();
    Map<K, Shown> shown = new LinkedHashMap<>();
    List<long[]> primaryVectors = new ArrayList<>();
    List<TableCells.Published<K>> candidates = new ArrayList<>();
    for (TableCells.Published<K> cell : cells) {
      shown.put(cell.key(), Shown.VALUE);
      if (isSmall(table.value(cell.key()))) {
        shown.put(cell.key(), Shown.SMALL);
        long[] vector = vector(table, cell);
        if (!isZero(vector)) {
          primaryVectors.add(vector);
        }
      } else {
        candidates.add(cell);
      }
    }
    if (primaryVectors.isEmpty()) {
      return shown;
    }
    candidates.sort(Comparator.<TableCells.Published<K>>comparingInt(c -> -c.inner().length)
        .thenComparing(c -> -table.value(c.key()).known()));
    Basis published = new Basis(table.innerCount());
    for (TableCells.Published<K> candidate : candidates) {
      long[] residual = published.reduce(vector(table, candidate));
      if (isZero(residual)) {
        continue;
      }
      Basis tentative = published.with(residual);
      boolean discloses = primaryVectors.stream().anyMatch(p -> isZero(tentative.reduce(p)));
      if (discloses) {
        shown.put(candidate.key(), Shown.HIDDEN);
      } else {
        published = tentative;
      }
    }
    return shown;
  }

  /** Primary rule: a count that may lie from 1 up to the threshold (a withheld part always may). */
  boolean isSmall(Count value) {
    return value.max() > 0 && value.min() < threshold;
  }

  /** The cell as a vector over the inner cells whose values the hub knows; withheld ones nobody knows. */
  private static <K> long[] vector(TableCells<K> table, TableCells.Published<K> cell) {
    long[] vector = new long[table.innerCount()];
    for (int i : cell.inner()) {
      if (table.innerValue(i).exact()) {
        vector[i] = 1;
      }
    }
    return vector;
  }

  private static boolean isZero(long[] vector) {
    for (long v : vector) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /** Row-echelon basis of the published span, kept with integer entries (fraction-free elimination). */
  private static final class Basis {

    private final int width;
    private final List<long[]> rows;
    private final List<Integer> pivots;

    Basis(int width) {
      this(width, List.of(), List.of());
    }

    private Basis(int width, List<long[]> rows, List<Integer> pivots) {
      this.width = width;
      this.rows = rows;
      this.pivots = pivots;
    }

    /** What is left of {@code vector} after removing its part in this span: all zeros when it lies in it. */
    long[] reduce(long[] vector) {
      long[] v = vector.clone();
      for (int r = 0; r < rows.size(); r++) {
        int pivot = pivots.get(r);
        if (v[pivot] == 0) {
          continue;
        }
        long[] row = rows.get(r);
        long factor = v[pivot];
        long scale = row[pivot];
        for (int i = 0; i < width; i++) {
          v[i] = Math.subtractExact(Math.multiplyExact(v[i], scale), Math.multiplyExact(row[i], factor));
        }
        normalise(v);
      }
      return v;
    }

    /** This span plus a vector already reduced against it (and not zero). */
    Basis with(long[] residual) {
      int pivot = 0;
      while (residual[pivot] == 0) {
        pivot++;
      }
      List<long[]> newRows = new ArrayList<>(rows);
      newRows.add(residual);
      List<Integer> newPivots = new ArrayList<>(pivots);
      newPivots.add(pivot);
      return new Basis(width, newRows, newPivots);
    }

    private static void normalise(long[] v) {
      long gcd = 0;
      for (long x : v) {
        gcd = gcd(gcd, Math.abs(x));
      }
      if (gcd > 1) {
        for (int i = 0; i < v.length; i++) {
          v[i] /= gcd;
        }
      }
    }

    private static long gcd(long a, long b) {
      return b == 0 ? a : gcd(b, a % b);
    }
  }
}
