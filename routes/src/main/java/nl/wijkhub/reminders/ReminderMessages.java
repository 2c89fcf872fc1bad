package nl.wijkhub.reminders;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Writes a reminder as the complete mail, as the mail channel writes its replies: the SMTP endpoint then sends it
 * as it is, so no exchange header can change its recipients. {@code Auto-Submitted} (RFC 3834) keeps out-of-office
 * replies from answering it.
 */
final class ReminderMessages {

  private final Session session = Session.getInstance(new Properties());
  private final InternetAddress from;
  private final Clock clock;

  ReminderMessages(String from, Clock clock) throws MessagingException {
    this.from = new InternetAddress(from, true);
    this.clock = clock;
  }

  MimeMessage compose(ReminderMail reminder) throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(from);
    mail.setRecipients(RecipientType.TO, InternetAddress.parse(String.join(",", reminder.to()), true));
    mail.setSubject(reminder.digest().subject(), StandardCharsets.UTF_8.name());
    mail.setSentDate(Date.from(clock.instant()));
    mail.setHeader("Auto-Submitted", "auto-generated");
    mail.setText(reminder.digest().body(), StandardCharsets.UTF_8.name());
    return mail;
  }
}
