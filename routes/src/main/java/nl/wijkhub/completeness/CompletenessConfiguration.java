package nl.wijkhub.completeness;

import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CompletenessConfiguration {

  /** Read and checked at start-up, so that a wrong calendar stops the hub instead of a reminder run. */
  @Bean
  DeliveryCalendar deliveryCalendar(ResourceLoader resources, HubSettings settings, ReferenceData reference) {
    return new DeliveryCalendarLoader(resources).load(settings.referenceData(), reference);
  }
}
