package nl.wijkhub.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

  @Bean
  Suppression suppression(DashboardSettings settings) {
    return new Suppression(settings.smallNumberThreshold());
  }
}
