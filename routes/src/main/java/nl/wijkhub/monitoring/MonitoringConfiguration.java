package nl.wijkhub.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MonitoringConfiguration.class);

  @Bean
  ObservationStore observationStore(DataSource dataSource) {
    return new ObservationStore(dataSource);
  }

  /** What the dashboard, the report and the completeness matrix read; the store writer keeps it current. */
  @Bean
  LiveFigureSource figureSource(ObservationStore store) {
    return new LiveFigureSource(store);
  }

  /** Withdrawals of deliveries of counts, by the partner (API) or programme staff. */
  @Bean
  Withdrawals withdrawals(ObservationStore store, SubmissionPublisher publisher, ReceiptLedger ledger, Clock clock) {
    return new Withdrawals(store, publisher, ledger, clock);
  }

  /** When and through which channel each figure arrived, for the completeness matrix and the reminders. */
  @Bean
  Arrivals arrivals(DataSource dataSource, ReceiptLedger receipts) {
    return new StoreArrivals(dataSource, receipts);
  }

  /** For the partner page's reconciliation of receipts against the store. */
  @Bean
  StoreRowCounts storeRowCounts(DataSource dataSource) {
    return new StoreRowCounts(dataSource);
  }

  @Bean(destroyMethod = "close")
  ObservationDecoder observationDecoder(KafkaSettings kafka) {
    return new ObservationDecoder(kafka);
  }

  @Bean
  StoreWriter storeWriter(ObservationStore store, ObservationDecoder decoder, LiveFigureSource figures) {
    return new StoreWriter(store, decoder, figures);
  }

  @Bean(destroyMethod = "close")
  DeadLetters deadLetterSender(KafkaSettings kafka, MeterRegistry meters) {
    return new DeadLetters(kafka, meters);
  }

  @Bean
  DeadLetterReplay deadLetterReplay(KafkaSettings kafka, MonitoringSettings settings, StoreWriter writer,
      DeadLetters deadLetters) {
    return new DeadLetterReplay(kafka, settings, writer, deadLetters);
  }

  @Bean
  StoreRebuild storeRebuild(KafkaSettings kafka, MonitoringSettings settings, StoreWriter writer,
      CamelContext camel) {
    return new StoreRebuild(kafka, settings, writer, camel);
  }

  /** Also the gauge {@code wijkhub.store.dead-letters.waiting}; NaN while Kafka cannot say. */
  @Bean(destroyMethod = "close")
  DeadLetterBacklog deadLetterBacklog(KafkaSettings kafka, MonitoringSettings settings, MeterRegistry meters) {
    DeadLetterBacklog backlog = new DeadLetterBacklog(kafka, settings);
    Gauge.builder("wijkhub.store.dead-letters.waiting", backlog, MonitoringConfiguration::waiting)
        .description("Dead letters of the store that wait for a replay").register(meters);
    return backlog;
  }

  @Bean("deadLetters")
  DeadLetterHealthIndicator deadLetterHealthIndicator(DeadLetterBacklog backlog) {
    return new DeadLetterHealthIndicator(backlog);
  }

  private static double waiting(DeadLetterBacklog backlog) {
    try {
      return backlog.waiting();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    } catch (Exception e) {
      LOG.debug("Dead-letter backlog unknown: {}", e.getClass().getName());
      return Double.NaN;
    }
  }
}
