package nl.wijkhub;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Wijkhub: partner deliveries in, Avro events on Kafka out, counts into the monitoring store. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WijkhubApplication {

  public static void main(String[] args) {
    SpringApplication.run(WijkhubApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
