package nl.wijkhub.mail;

import java.time.Clock;
import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The e-mail channel, only when {@code wijkhub.mail.enabled}: the embedded default has no mail server. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wijkhub.mail.enabled")
class MailConfiguration {

  @Bean
  MailIntake mailIntake(MailSettings settings, ReferenceData reference, HubSettings hub, Clock clock) {
    return new MailIntake(settings, new Senders(reference.partners()),
        new MailReplies(settings.from(), settings.trialAddress(), clock), hub.spoolDir().resolve("mail"), clock);
  }

  @Bean
  MailRoute mailRoute(MailSettings settings, MailIntake intake) {
    return new MailRoute(settings, intake);
  }
}
