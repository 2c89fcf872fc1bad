package nl.wijkhub.covenant;

import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class CovenantConfiguration {

  /** Loaded at start-up, so a contradictory covenant stops the hub before it takes any delivery. */
  @Bean
  Covenants covenants(ResourcePatternResolver resources, HubSettings settings, ReferenceData reference) {
    return new CovenantLoader(resources).load(settings.referenceData(), reference);
  }
}
