package nl.wijkhub.retention;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import nl.wijkhub.HubSettings;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.privacy.DataKeys;
import nl.wijkhub.privacy.ProcessingLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

  @Bean
  FolderRetention archiveRetention(HubSettings hub, RetentionSettings settings) {
    return FolderRetention.archive(hub.dataDir(), settings.archive());
  }

  @Bean
  FolderRetention quarantineRetention(HubSettings hub, RetentionSettings settings) {
    return FolderRetention.quarantine(hub.dataDir(), settings.quarantine());
  }

  @Bean
  SignalKeyRetention signalKeyRetention(Covenants covenants, DataKeys dataKeys, ProcessingLog log) {
    return new SignalKeyRetention(covenants, dataKeys, log);
  }

  @Bean
  InboxStatusRetention inboxStatusRetention(Covenants covenants, ProcessingLog log, DataSource dataSource,
      PlatformTransactionManager transactions) {
    return new InboxStatusRetention(new CovenantPeriods(covenants), log, dataSource,
        new TransactionTemplate(transactions));
  }

  @Bean
  MatchNotificationRetention matchNotificationRetention(Covenants covenants, ProcessingLog log,
      DataSource dataSource) {
    return new MatchNotificationRetention(new CovenantPeriods(covenants), log, dataSource);
  }

  @Bean
  RetentionRoute retentionRoute(List<Purge> purges, RetentionSettings settings, Clock clock) {
    return new RetentionRoute(purges, settings, clock);
  }
}
