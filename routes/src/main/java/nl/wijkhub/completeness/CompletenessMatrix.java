package nl.wijkhub.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Per partner, indicator and period: arrived (when, through which channel), arrived late, missing, or not yet due.
 * Built only from what the calendar expects, so a delivery nobody owed (or from a partner outside its membership)
 * never counts and completeness never exceeds 100 %.
 */
public final class CompletenessMatrix {

  /** The state of one expected figure; the label is what the page shows. */
  public enum State {
    ON_TIME("op tijd binnen"),
    LATE("te laat binnen"),
    MISSING("ontbreekt"),
    OPEN("nog niet verschuldigd");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One cell of the matrix; {@code arrivedAt} and {@code channel} are null until the figure arrived. */
  public record Cell(Expectation expected, State state, Instant arrivedAt, String channel) {}

  private final List<Cell> cells;

  private CompletenessMatrix(List<Cell> cells) {
    this.cells = List.copyOf(cells);
  }

  /** The matrix on {@code today}, with arrival dates counted in {@code zone}. */
  public static CompletenessMatrix of(List<Expectation> expected, List<Arrivals.Arrival> arrivals, LocalDate today,
      ZoneId zone) {
    Map<String, Arrivals.Arrival> first = new HashMap<>();
    for (Arrivals.Arrival a : arrivals) {
      first.merge(key(a.partner(), a.indicator(), a.period()), a,
          (x, y) -> x.at().isBefore(y.at()) ? x : y);
    }
    List<Cell> cells = expected.stream().map(e -> {
      Arrivals.Arrival arrival = first.get(key(e.partner(), e.indicator(), e.period()));
      if (arrival != null) {
        boolean late = arrival.at().atZone(zone).toLocalDate().isAfter(e.due());
        return new Cell(e, late ? State.LATE : State.ON_TIME, arrival.at(), arrival.channel());
      }
      return new Cell(e, today.isAfter(e.due()) ? State.MISSING : State.OPEN, null, null);
    }).sorted(Comparator.comparing((Cell c) -> c.expected().partner()).thenComparing(c -> c.expected().indicator())
        .thenComparing(c -> c.expected().period())).toList();
    return new CompletenessMatrix(cells);
  }

  public List<Cell> cells() {
    return cells;
  }

  /** Share of the figures that are due or in that arrived, from 0 to 1; 1 when nothing is due yet. */
  public double completeness() {
    return completeness(c -> true);
  }

  public double completeness(String partner) {
    return completeness(c -> c.expected().partner().equals(partner));
  }

  private double completeness(Predicate<Cell> which) {
    long counted = cells.stream().filter(which).filter(c -> c.state() != State.OPEN).count();
    long arrived = cells.stream().filter(which)
        .filter(c -> c.state() == State.ON_TIME || c.state() == State.LATE).count();
    return counted == 0 ? 1 : (double) arrived / counted;
  }

  private static String key(String partner, String indicator, String period) {
    return partner + '\u0000' + indicator + '\u0000' + period;
  }
}
