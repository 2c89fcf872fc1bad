package nl.wijkhub.privacy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import nl.wijkhub.covenant.Covenants;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only when a URL for the retention role is configured; without it the hub never deletes from the log. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${wijkhub.processing-log-retention.url:}' != ''")
class LogRetentionConfiguration {

  /**
   * Its own pool of one connection, not a DataSource bean: the purge runs rarely, must not take the hub's
   * connections, and a second DataSource bean would switch off the hub's own.
   */
  @Bean(destroyMethod = "close")
  ProcessingLogRetention processingLogRetention(Pseudonyms pseudonyms, LogRetentionSettings settings) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(settings.url());
    pool.setUsername(settings.username());
    pool.setPassword(settings.password());
    pool.setMaximumPoolSize(1);
    pool.setPoolName("processing-log-retention");
    return new ProcessingLogRetention(pool, pseudonyms, settings);
  }

  @Bean
  LogRetentionRoute logRetentionRoute(ProcessingLogRetention retention, LogRetentionSettings settings,
      Covenants covenants, Clock clock) {
    return new LogRetentionRoute(retention, settings, covenants.ids(), clock);
  }
}
