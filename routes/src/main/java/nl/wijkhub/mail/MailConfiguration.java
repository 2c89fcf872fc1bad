package nl.wijkhub.mail;

import java.time.Clock;
import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.retention.RetentionSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The e-mail channel, only when {@code wijkhub.mail.enabled}: the embedded default has no mail server. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wijkhub.mail.enabled")
class MailConfiguration {

  MailConfiguration(MailSettings settings, Environment environment) {
    SenderAuthenticationPolicy.check(settings, environment);
  }

  @Bean
  MailIntake mailIntake(MailSettings settings, ReferenceData reference, HubSettings hub, Clock clock) {
    return new MailIntake(settings, new Senders(reference.partners()),
        new MailReplies(settings.from(), settings.trialAddress(), clock), hub.spoolDir().resolve("mail"), clock);
  }

  @Bean("mail")
  MailHealthIndicator mailHealthIndicator(MailSettings settings) {
    return new MailHealthIndicator(settings);
  }

  @Bean
  MailFolderRetention handledMailRetention(MailSettings settings, RetentionSettings retention) {
    return new MailFolderRetention(settings.imap(), settings.handledFolder(), retention.mailHandled());
  }

  @Bean
  MailFolderRetention quarantinedMailRetention(MailSettings settings, RetentionSettings retention) {
    return new MailFolderRetention(settings.imap(), settings.quarantineFolder(), retention.mailQuarantine());
  }

  @Bean
  MailRoute mailRoute(MailSettings settings, MailIntake intake) {
    return new MailRoute(settings, intake);
  }
}
