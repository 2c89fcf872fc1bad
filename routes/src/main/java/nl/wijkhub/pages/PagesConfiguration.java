package nl.wijkhub.pages;

import java.time.Clock;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.completeness.CompletenessSettings;
import nl.wijkhub.completeness.DeliveryCalendar;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.DashboardSettings;
import nl.wijkhub.dashboard.SignalCountSource;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.monitoring.StoreRowCounts;
import nl.wijkhub.monitoring.Withdrawals;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.report.YearlyReportBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

  @Bean
  OverviewBuilder overviewBuilder(ReferenceData reference, FigureSource figures, YearlyReportBuilder reports,
      Suppression suppression, Clock clock) {
    return new OverviewBuilder(reference, figures, reports, suppression, clock);
  }

  @Bean
  SignalOverviewBuilder signalOverviewBuilder(ReferenceData reference, Covenants covenants,
      SignalCountSource signalCounts, Suppression suppression, DashboardSettings settings, Clock clock) {
    return new SignalOverviewBuilder(reference, covenants, signalCounts, suppression, settings.publicSignalDelay(),
        clock);
  }

  @Bean
  CompletenessViews completenessViews(ReferenceData reference, DeliveryCalendar calendar, Arrivals arrivals,
      Clock clock, CompletenessSettings settings) {
    return new CompletenessViews(reference, calendar, arrivals, clock, settings.zone());
  }

  @Bean
  FigureHistoryViews figureHistoryViews(ObservationStore store, Withdrawals withdrawals,
      CompletenessSettings settings) {
    return new FigureHistoryViews(store, withdrawals, settings.zone());
  }

  @Bean
  PartnerOverviews partnerOverviews(ReferenceData reference, ReceiptLedger receipts, StoreRowCounts rows,
      ObservationStore store, CompletenessViews completeness, CompletenessSettings settings) {
    return new PartnerOverviews(reference, receipts, rows, store, completeness, settings.zone());
  }
}
