package nl.wijkhub.reminders;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import nl.wijkhub.mail.OutgoingMail;

/** Writes a reminder as the complete mail, to the partner's addresses, as every mail the hub writes on its own. */
final class ReminderMessages {

  private final OutgoingMail mail;

  ReminderMessages(String from, Clock clock) throws MessagingException {
    this.mail = new OutgoingMail(from, clock);
  }

  MimeMessage compose(ReminderMail reminder) throws MessagingException {
    return mail.compose(reminder.to(), reminder.digest().subject(), reminder.digest().body());
  }
}
