package nl.wijkhub.monitoring;

import javax.sql.DataSource;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

  @Bean
  ObservationStore observationStore(DataSource dataSource) {
    return new ObservationStore(dataSource);
  }
}
