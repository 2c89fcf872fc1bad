package nl.wijkhub.report;

import java.time.Clock;
import nl.wijkhub.HubSettings;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

  /** Read and checked at start-up, so that a wrong report.yaml stops the hub instead of an export. */
  @Bean
  ReportLayout reportLayout(ResourceLoader resources, HubSettings settings, ReferenceData reference) {
    return new ReportLayoutLoader(resources).load(settings.referenceData(), reference);
  }

  @Bean
  YearlyReportBuilder yearlyReportBuilder(ReferenceData reference, ReportLayout layout, FigureSource figures,
      Suppression suppression, Clock clock) {
    return new YearlyReportBuilder(reference, layout, figures, suppression, clock);
  }
}
