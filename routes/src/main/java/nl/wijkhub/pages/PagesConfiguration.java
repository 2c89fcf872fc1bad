package nl.wijkhub.pages;

import java.time.Clock;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.Suppression;
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
}
