package nl.wijkhub.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as the suppression sees it: inner cells (one count each, e.g. a wijk in a period) and the cells a page
 * publishes, each the sum of some inner cells (the inner cell itself, a total over wijken, a subtotal). Relations
 * between published cells follow from the inner cells they share, so no total can be forgotten.
 *
 * @param <K> the key a published cell is found by, e.g. a (row, column) pair
 */
public final class TableCells<K> {

  /** A published cell: its key and the inner cells it adds up. */
  record Published<K>(K key, int[] inner) {}

  private final List<Count> inner = new ArrayList<>();
  private final Map<K, Published<K>> published = new LinkedHashMap<>();

  /** Adds an inner cell and returns its index, for the published cells that add it up. */
  public int inner(Count value) {
    inner.add(value);
    return inner.size() - 1;
  }

  /** Publishes the sum of the given inner cells under {@code key}; an inner cell on its own is a sum of one. */
  public TableCells<K> publish(K key, List<Integer> innerCells) {
    if (published.containsKey(key)) {
      throw new IllegalArgumentException("Cell " + key + " is published twice");
    }
    published.put(key, new Published<>(key, innerCells.stream().mapToInt(Integer::intValue).distinct().toArray()));
    return this;
  }

  /** Whether a cell is published; a cell nobody delivered is not. */
  public boolean has(K key) {
    return published.containsKey(key);
  }

  /** The value of a published cell: the sum of its inner cells, a range when one of them was withheld. */
  public Count value(K key) {
    Published<K> cell = cell(key);
    Count sum = Count.of(0);
    for (int i : cell.inner()) {
      sum = sum.plus(inner.get(i));
    }
    return sum;
  }

  Published<K> cell(K key) {
    Published<K> cell = published.get(key);
    if (cell == null) {
      throw new IllegalArgumentException("No published cell " + key);
    }
    return cell;
  }

  List<Published<K>> published() {
    return List.copyOf(published.values());
  }

  Count innerValue(int index) {
    return inner.get(index);
  }

  int innerCount() {
    return inner.size();
  }
}
