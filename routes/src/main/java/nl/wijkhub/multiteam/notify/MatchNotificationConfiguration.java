package nl.wijkhub.multiteam.notify;

import jakarta.mail.MessagingException;
import java.time.Clock;
import javax.sql.DataSource;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.mail.MailSettings;
import nl.wijkhub.mail.OutgoingMail;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Match notifications only when both they and the e-mail channel, whose SMTP server they use, are switched on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = {"wijkhub.mail.enabled", "wijkhub.match-notifications.enabled"})
class MatchNotificationConfiguration {

  @Bean
  JdbcNotificationLedger matchNotificationLedger(DataSource dataSource, Clock clock) {
    return new JdbcNotificationLedger(dataSource, clock);
  }

  @Bean
  MatchNotifier matchNotifier(RoutedSignalReader reader, Covenants covenants, ReferenceData reference,
      JdbcNotificationLedger ledger, ProcessingLog log, Clock clock) {
    return new MatchNotifier(reader, covenants,
        new NotificationPlanner(partner -> reference.partner(partner).map(Partner::name).orElse(partner)), ledger,
        log, clock);
  }

  @Bean
  MatchNotificationRoute matchNotificationRoute(KafkaSettings kafka, MatchNotificationSettings settings,
      CovenantTopics topics, MailSettings mail, MatchNotifier notifier, Clock clock) throws MessagingException {
    return new MatchNotificationRoute(kafka, settings,
        topics.covenantIds().stream().map(id -> topics.matches(id).name()).toList(), mail.smtp(), notifier,
        new NotificationMessages(new OutgoingMail(mail.from(), clock)));
  }
}
