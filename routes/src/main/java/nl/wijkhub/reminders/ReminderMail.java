package nl.wijkhub.reminders;

import java.util.List;
import nl.wijkhub.completeness.ReminderDigest;

/** One reminder e-mail: the partner's digest and the addresses it goes to. */
record ReminderMail(List<String> to, ReminderDigest digest) {

  ReminderMail {
    to = List.copyOf(to);
  }
}
