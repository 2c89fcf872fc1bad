package nl.wijkhub.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dashboard, the report and completeness read figures through their own read models (FigureSource, Arrivals),
 * so they reach no channel, no ingestion and no store or topic directly; the wiring does that.
 */
@AnalyzeClasses(packages = "nl.wijkhub", importOptions = ImportOption.DoNotIncludeTests.class)
class DashboardBoundariesTest {

  @ArchTest
  static final ArchRule readModelsOnly = noClasses().that().resideInAnyPackage("nl.wijkhub.dashboard..",
          "nl.wijkhub.report..", "nl.wijkhub.completeness..")
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.file..", "nl.wijkhub.http..",
          "nl.wijkhub.sftp..", "nl.wijkhub.mail..", "nl.wijkhub.delivery..", "nl.wijkhub.counts..",
          "nl.wijkhub.signals..", "nl.wijkhub.publish..", "nl.wijkhub.monitoring..", "nl.wijkhub.connectors..", "org.apache.kafka..", "org.apache.camel..");
}
