package nl.wijkhub.dashboard;

import java.time.LocalDate;

/**
 * A streefwaarde and the window it is to be reached in: from {@code start} (the first day the programme counted
 * towards it) to {@code due} (the last day of the target's period, e.g. 31 December 2034 for a target for 2034).
 */
public record Target(double value, LocalDate start, LocalDate due) {

  public Target {
    if (value <= 0 || Double.isNaN(value)) {
      throw new IllegalArgumentException("A streefwaarde is above 0, not " + value);
    }
    if (due.isBefore(start)) {
      throw new IllegalArgumentException("A target is due (" + due + ") after its window starts (" + start + ")");
    }
  }
}
