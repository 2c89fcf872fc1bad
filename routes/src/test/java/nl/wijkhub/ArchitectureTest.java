package nl.wijkhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The flow the packages promise: channels hand deliveries to the delivery path and reach nothing behind it; the
 * delivery path knows no channel and no kind; a kind knows no channel.
 */
@AnalyzeClasses(packages = "nl.wijkhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] CHANNELS = {"nl.wijkhub.file..", "nl.wijkhub.http..", "nl.wijkhub.sftp..",
      "nl.wijkhub.mail.."};

  @ArchTest
  static final ArchRule channelsGoThroughTheDeliveryPathOnly = noClasses().that().resideInAnyPackage(CHANNELS)
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.publish..", "nl.wijkhub.monitoring..",
          "org.apache.kafka..");

  @ArchTest
  static final ArchRule channelsKnowNoKind = noClasses().that().resideInAnyPackage(CHANNELS)
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.counts..");

  @ArchTest
  static final ArchRule deliveryPathKnowsNoKind = noClasses().that().resideInAPackage("nl.wijkhub.delivery..")
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.counts..");

  @ArchTest
  static final ArchRule kindsKnowNoChannel = noClasses().that().resideInAPackage("nl.wijkhub.counts..")
      .should().dependOnClassesThat().resideInAnyPackage(CHANNELS);

  @ArchTest
  static final ArchRule deliveryPathKnowsNoChannel = noClasses().that().resideInAPackage("nl.wijkhub.delivery..")
      .should().dependOnClassesThat().resideInAnyPackage(CHANNELS);

  @ArchTest
  static final ArchRule consumersKnowNoChannelNorDeliveryPath = noClasses().that()
      .resideInAPackage("nl.wijkhub.monitoring..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "nl.wijkhub.file..", "nl.wijkhub.http..", "nl.wijkhub.sftp..", "nl.wijkhub.mail..", "nl.wijkhub.delivery..");

  @ArchTest
  static final ArchRule referenceDataDependsOnNothingOfTheHub = noClasses().that()
      .resideInAPackage("nl.wijkhub.reference..")
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.file..", "nl.wijkhub.http..",
          "nl.wijkhub.sftp..", "nl.wijkhub.mail..", "nl.wijkhub.delivery..", "nl.wijkhub.publish..",
          "nl.wijkhub.monitoring..");
}
