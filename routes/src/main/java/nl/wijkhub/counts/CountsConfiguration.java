package nl.wijkhub.counts;

import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CountsConfiguration {

  @Bean
  CountsKind countsKind(ReferenceData reference) {
    return new CountsKind(reference);
  }
}
