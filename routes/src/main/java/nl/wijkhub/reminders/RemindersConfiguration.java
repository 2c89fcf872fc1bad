package nl.wijkhub.reminders;

import jakarta.mail.MessagingException;
import java.time.Clock;
import javax.sql.DataSource;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.completeness.CompletenessSettings;
import nl.wijkhub.completeness.DeliveryCalendar;
import nl.wijkhub.mail.MailSettings;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reminders only when both they and the e-mail channel, whose SMTP server they use, are switched on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = {"wijkhub.mail.enabled", "wijkhub.reminders.enabled"})
class RemindersConfiguration {

  @Bean
  JdbcReminderLedger reminderLedger(DataSource dataSource, Clock clock) {
    return new JdbcReminderLedger(dataSource, clock);
  }

  @Bean
  ReminderRun reminderRun(DeliveryCalendar calendar, Arrivals arrivals, JdbcReminderLedger ledger,
      ReferenceData reference, Clock clock, CompletenessSettings settings) {
    return new ReminderRun(calendar, arrivals, ledger, reference, clock, settings.zone());
  }

  @Bean
  ReminderRoute reminderRoute(MailSettings mail, ReminderSettings settings, ReminderRun run, Clock clock)
      throws MessagingException {
    return new ReminderRoute(mail.smtp(), settings.interval(), run, new ReminderMessages(mail.from(), clock));
  }
}
