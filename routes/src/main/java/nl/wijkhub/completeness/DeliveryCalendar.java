package nl.wijkhub.completeness;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What partners owe and when, from {@code delivery-calendar.yaml}: recurring figures per partner and indicator
 * (yearly, quarterly or monthly, due a set time after the period), follow-up measurements due a set time after an
 * intervention started, and each partner's membership of its programme. A partner owes a period only when it was a
 * partner during some of it.
 */
public final class DeliveryCalendar {

  /** A recurring figure: every period from the programme's start, due {@code due} after the period's end. */
  record Recurring(String programme, String indicator, List<String> partners, Periods.Every every, Period due) {}

  /**
   * A follow-up measurement ({@code 002}: without follow-up you cannot know whether an intervention works): measured
   * in the month {@code measureAfter} after the intervention's start, due {@code due} after that month.
   */
  record FollowUp(String programme, String indicator, List<String> partners, LocalDate interventionStart,
      Period measureAfter, Period due) {}

  /** When a partner joined and left its programme; null for open ends. */
  record Membership(LocalDate joined, LocalDate left) {

    boolean overlaps(LocalDate from, LocalDate to) {
      return (joined == null || !joined.isAfter(to)) && (left == null || !left.isBefore(from));
    }
  }

  private final Map<String, LocalDate> programmeStarts;
  private final Map<String, Membership> memberships;
  private final List<Recurring> recurring;
  private final List<FollowUp> followUps;
  private final List<Period> reminderOffsets;

  DeliveryCalendar(Map<String, LocalDate> programmeStarts, Map<String, Membership> memberships,
      List<Recurring> recurring, List<FollowUp> followUps, List<Period> reminderOffsets) {
    this.programmeStarts = Map.copyOf(programmeStarts);
    this.memberships = Map.copyOf(memberships);
    this.recurring = List.copyOf(recurring);
    this.followUps = List.copyOf(followUps);
    this.reminderOffsets = reminderOffsets.stream()
        .sorted(Comparator.comparing((Period p) -> LocalDate.EPOCH.plus(p))).toList();
  }

  /** Everything owed for periods that have ended by {@code today}, per partner within its membership. */
  public List<Expectation> expected(String programme, LocalDate today) {
    List<Expectation> owed = new ArrayList<>();
    LocalDate start = programmeStarts.get(programme);
    if (start == null) {
      return owed;
    }
    for (Recurring r : recurring.stream().filter(r -> r.programme().equals(programme)).toList()) {
      for (String period = Periods.of(start, r.every()); !Periods.end(period).isAfter(today);
          period = Periods.next(period, r.every())) {
        for (String partner : r.partners()) {
          if (member(partner, Periods.start(period), Periods.end(period))) {
            owed.add(new Expectation(programme, partner, r.indicator(), period, Periods.end(period).plus(r.due()),
                false));
          }
        }
      }
    }
    for (FollowUp f : followUps.stream().filter(f -> f.programme().equals(programme)).toList()) {
      String period = Periods.of(f.interventionStart().plus(f.measureAfter()), Periods.Every.MONTH);
      if (Periods.end(period).isAfter(today)) {
        continue;
      }
      for (String partner : f.partners()) {
        if (member(partner, Periods.start(period), Periods.end(period))) {
          owed.add(new Expectation(programme, partner, f.indicator(), period, Periods.end(period).plus(f.due()),
              true));
        }
      }
    }
    return owed;
  }

  /** Offsets from a deadline on which a missing figure is reminded, earliest first (negative: before it). */
  public List<Period> reminderOffsets() {
    return reminderOffsets;
  }

  private boolean member(String partner, LocalDate from, LocalDate to) {
    Membership membership = memberships.get(partner);
    return membership == null || membership.overlaps(from, to);
  }
}
