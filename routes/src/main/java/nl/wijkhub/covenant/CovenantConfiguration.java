package nl.wijkhub.covenant;

import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class CovenantConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CovenantConfiguration.class);

  /** Loaded at start-up, so a contradictory covenant stops the hub before it takes any delivery. */
  @Bean
  Covenants covenants(ResourcePatternResolver resources, HubSettings settings, ReferenceData reference) {
    Covenants covenants = new CovenantLoader(resources).load(settings.referenceData(), reference);
    // Visible at start-up: a covenant folder that was not found would otherwise mean, silently, no signal routed.
    LOG.info("Covenants in force: {}", covenants.ids());
    return covenants;
  }
}
