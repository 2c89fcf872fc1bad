package nl.wijkhub.completeness;

import java.time.LocalDate;
import java.util.List;

/**
 * The one reminder e-mail a partner gets on a day, listing everything it owes that is due soon or overdue.
 *
 * @param key one per partner per day: {@code partner|date}
 * @param reminderKeys one per owed figure and reminder moment: {@code partner|indicator|period|offset}
 */
public record ReminderDigest(String partner, LocalDate day, String key, List<String> reminderKeys,
    List<Expectation> owed, String subject, String body) {

  public ReminderDigest {
    reminderKeys = List.copyOf(reminderKeys);
    owed = List.copyOf(owed);
  }
}
