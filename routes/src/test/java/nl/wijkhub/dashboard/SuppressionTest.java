package nl.wijkhub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.dashboard.WijkPeriodTable.Key;
import org.junit.jupiter.api.Test;

/**
 * Hand-made tables of the dashboard's shape. Each protected table is also attacked the way a reader would: every
 * shown total with a single unknown part gives that part away, repeated until nothing new follows; no small
 * number may come out.
 */
class SuppressionTest {

  private static final String TOTAL = WijkPeriodTable.TOTAL;
  private final Suppression suppression = new Suppression(Suppression.DEFAULT_THRESHOLD);

  @Test
  void tableWithoutSmallNumbersIsShownWhole() {
    TableCells<Key> cells = oneYear(Count.of(10), Count.of(12), Count.of(0)).cells();
    assertThat(suppression.protect(cells).values()).containsOnly(Shown.VALUE);
    assertThat(cells.value(new Key(TOTAL, "2024"))).isEqualTo(Count.of(22));
  }

  @Test
  void wijkValuesThatSumToAShownTotalWithOneHiddenAreProtected() {
    TableCells<Key> cells = oneYear(Count.of(10), Count.of(3), Count.of(12)).cells();
    Map<Key, Shown> shown = suppression.protect(cells);

    assertThat(shown.get(new Key("b", "2024"))).isEqualTo(Shown.SMALL);
    // The total matters most to readers and stays; the smaller sibling goes with the small number.
    assertThat(shown.get(new Key(TOTAL, "2024"))).isEqualTo(Shown.VALUE);
    assertThat(shown.get(new Key("a", "2024"))).isEqualTo(Shown.HIDDEN);
    assertThat(shown.get(new Key("c", "2024"))).isEqualTo(Shown.VALUE);
    assertThat(disclosedSmallCells(cells, shown)).isEmpty();
  }

  @Test
  void withoutSecondarySuppressionTheAttackWouldWork() {
    TableCells<Key> cells = oneYear(Count.of(10), Count.of(3), Count.of(12)).cells();
    Map<Key, Shown> primaryOnly = new HashMap<>();
    cells.published().forEach(c -> primaryOnly.put(c.key(), c.key().equals(new Key("b", "2024"))
        ? Shown.SMALL : Shown.VALUE));
    assertThat(disclosedSmallCells(cells, primaryOnly)).containsExactly(new Key("b", "2024"));
  }

  @Test
  void quartersWithWijkAndPeriodTotalsNeedARectangleOfHiddenCells() {
    WijkPeriodTable table = new WijkPeriodTable(List.of("a", "b", "c"), List.of("2024-Q1", "2024-Q2"), true);
    table.put("a", "2024-Q1", Count.of(2)).put("a", "2024-Q2", Count.of(20))
        .put("b", "2024-Q1", Count.of(30)).put("b", "2024-Q2", Count.of(40))
        .put("c", "2024-Q1", Count.of(50)).put("c", "2024-Q2", Count.of(60));
    TableCells<Key> cells = table.cells();
    Map<Key, Shown> shown = suppression.protect(cells);

    assertThat(shown.get(new Key("a", "2024-Q1"))).isEqualTo(Shown.SMALL);
    assertThat(shown.values().stream().filter(s -> s == Shown.HIDDEN).count()).isGreaterThanOrEqualTo(3);
    assertThat(shown.get(new Key(TOTAL, TOTAL))).isEqualTo(Shown.VALUE);
    assertThat(disclosedSmallCells(cells, shown)).isEmpty();
  }

  @Test
  void smallTotalIsSmallItselfAndHidesNothingElse() {
    TableCells<Key> cells = oneYear(Count.of(2), Count.of(1), Count.of(0)).cells();
    Map<Key, Shown> shown = suppression.protect(cells);
    assertThat(shown).containsEntry(new Key("a", "2024"), Shown.SMALL).containsEntry(new Key("b", "2024"), Shown.SMALL)
        .containsEntry(new Key("c", "2024"), Shown.VALUE).containsEntry(new Key(TOTAL, "2024"), Shown.SMALL);
    assertThat(disclosedSmallCells(cells, shown)).isEmpty();
  }

  @Test
  void withheldAtSourceAloneNeedsNoSecondaryAndTheTotalIsARange() {
    TableCells<Key> cells = oneYear(Count.withheld(), Count.of(20), Count.of(30)).cells();
    Map<Key, Shown> shown = suppression.protect(cells);
    assertThat(shown).containsEntry(new Key("a", "2024"), Shown.SMALL).containsEntry(new Key("b", "2024"), Shown.VALUE)
        .containsEntry(new Key("c", "2024"), Shown.VALUE).containsEntry(new Key(TOTAL, "2024"), Shown.VALUE);
    Count total = cells.value(new Key(TOTAL, "2024"));
    assertThat(total.exact()).isFalse();
    assertThat(total.min()).isEqualTo(51);
    assertThat(total.max()).isEqualTo(54);
  }

  @Test
  void totalWithAWithheldPartStillProtectsASmallSibling() {
    // Shown as "14 to 17", the total tells that b + c = 13; with c = 10 shown, b = 3 would follow.
    TableCells<Key> cells = oneYear(Count.withheld(), Count.of(3), Count.of(10)).cells();
    Map<Key, Shown> shown = suppression.protect(cells);
    assertThat(shown.get(new Key("b", "2024"))).isEqualTo(Shown.SMALL);
    assertThat(shown.get(new Key("c", "2024"))).isEqualTo(Shown.HIDDEN);
    assertThat(disclosedSmallCells(cells, shown)).isEmpty();
  }

  @Test
  void totalThatMayBeSmallBecauseOfAWithheldPartIsSmall() {
    TableCells<Key> cells = oneYear(Count.withheld(), Count.of(0), Count.of(0)).cells();
    assertThat(suppression.protect(cells)).containsEntry(new Key(TOTAL, "2024"), Shown.SMALL);
  }

  @Test
  void thresholdIsConfigurable() {
    TableCells<Key> cells = oneYear(Count.of(7), Count.of(40), Count.of(50)).cells();
    assertThat(new Suppression(10).protect(cells)).containsEntry(new Key("a", "2024"), Shown.SMALL);
    assertThat(suppression.protect(cells)).containsEntry(new Key("a", "2024"), Shown.VALUE);
    assertThatThrownBy(() -> new Suppression(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingCellIsNotPublishedAndTheTotalIsOverTheRest() {
    WijkPeriodTable table = new WijkPeriodTable(List.of("a", "b", "c"), List.of("2024"), false);
    table.put("a", "2024", Count.of(10)).put("c", "2024", Count.of(3));
    TableCells<Key> cells = table.cells();
    Map<Key, Shown> shown = suppression.protect(cells);
    assertThat(shown).doesNotContainKey(new Key("b", "2024"));
    assertThat(cells.value(new Key(TOTAL, "2024"))).isEqualTo(Count.of(13));
    assertThat(disclosedSmallCells(cells, shown)).isEmpty();
  }

  @Test
  void largerTableOfFiveYearsAndSevenWijkenWithScatteredSmallNumbers() {
    List<String> wijken = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7");
    List<String> years = List.of("2021", "2022", "2023", "2024", "2025");
    WijkPeriodTable table = new WijkPeriodTable(wijken, years, false);
    int seed = 7;
    for (String w : wijken) {
      for (String y : years) {
        seed = (seed * 31 + 11) % 97;
        table.put(w, y, seed % 6 == 0 ? Count.withheld() : Count.of(seed % 4 == 0 ? seed % 5 : seed));
      }
    }
    TableCells<Key> cells = table.cells();
    Map<Key, Shown> shown = suppression.protect(cells);
    assertThat(shown.values()).contains(Shown.SMALL);
    assertThat(disclosedSmallCells(cells, shown)).isEmpty();
  }

  private static WijkPeriodTable oneYear(Count a, Count b, Count c) {
    return new WijkPeriodTable(List.of("a", "b", "c"), List.of("2024"), false)
        .put("a", "2024", a).put("b", "2024", b).put("c", "2024", c);
  }

  /**
   * The reader's attack: from every shown cell's known part (a range's lower end minus its withheld parts), solve
   * totals with one unknown inner cell until nothing changes; return the small cells whose known part follows.
   */
  private static List<Key> disclosedSmallCells(TableCells<Key> cells, Map<Key, Shown> shown) {
    Map<Integer, Double> known = new HashMap<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (TableCells.Published<Key> cell : cells.published()) {
        if (shown.get(cell.key()) != Shown.VALUE) {
          continue;
        }
        double rest = cells.value(cell.key()).known();
        Integer unknown = null;
        int unknowns = 0;
        for (int i : cell.inner()) {
          if (!cells.innerValue(i).exact()) {
            continue;
          }
          if (known.containsKey(i)) {
            rest -= known.get(i);
          } else {
            unknown = i;
            unknowns++;
          }
        }
        if (unknowns == 1) {
          known.put(unknown, rest);
          progress = true;
        }
      }
    }
    return cells.published().stream().filter(c -> shown.get(c.key()) == Shown.SMALL)
        .filter(c -> java.util.Arrays.stream(c.inner()).anyMatch(i -> cells.innerValue(i).exact()))
        .filter(c -> java.util.Arrays.stream(c.inner()).filter(i -> cells.innerValue(i).exact())
            .allMatch(known::containsKey))
        .map(TableCells.Published::key).toList();
  }
}
