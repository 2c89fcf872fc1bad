package nl.wijkhub.reference;

import nl.wijkhub.HubSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

  @Bean
  ReferenceData referenceData(ResourceLoader resources, HubSettings settings) {
    return new ReferenceDataLoader(resources).load(settings.referenceData());
  }
}
