package nl.wijkhub.sftp;

import java.time.Clock;
import nl.wijkhub.HubSettings;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SftpConfiguration {

  @Bean
  SftpAccounts sftpAccounts(ReferenceData reference, SftpSettings settings, Environment environment) {
    return SftpAccounts.resolve(reference.partners(), settings, environment);
  }

  @Bean
  SftpIntake sftpIntake(HubSettings hub, Admission admission, Clock clock) {
    return new SftpIntake(hub.spoolDir().resolve("sftp"), admission, clock);
  }
}
