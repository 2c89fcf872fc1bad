package nl.wijkhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The flow the packages promise: channels hand deliveries to normalisation and reach nothing behind it. */
@AnalyzeClasses(packages = "nl.wijkhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] CHANNELS = {"nl.wijkhub.file..", "nl.wijkhub.http..", "nl.wijkhub.sftp..",
      "nl.wijkhub.mail.."};

  @ArchTest
  static final ArchRule channelsGoThroughNormalisationOnly = noClasses().that().resideInAnyPackage(CHANNELS)
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.publish..", "nl.wijkhub.monitoring..",
          "org.apache.kafka..");

  @ArchTest
  static final ArchRule normalisationKnowsNoChannel = noClasses().that().resideInAPackage("nl.wijkhub.normalise..")
      .should().dependOnClassesThat().resideInAnyPackage(CHANNELS);

  @ArchTest
  static final ArchRule consumersKnowNoChannelNorNormalisation = noClasses().that()
      .resideInAPackage("nl.wijkhub.monitoring..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "nl.wijkhub.file..", "nl.wijkhub.http..", "nl.wijkhub.sftp..", "nl.wijkhub.mail..", "nl.wijkhub.normalise..");

  @ArchTest
  static final ArchRule referenceDataDependsOnNothingOfTheHub = noClasses().that()
      .resideInAPackage("nl.wijkhub.reference..")
      .should().dependOnClassesThat().resideInAnyPackage("nl.wijkhub.file..", "nl.wijkhub.http..",
          "nl.wijkhub.sftp..", "nl.wijkhub.mail..", "nl.wijkhub.normalise..", "nl.wijkhub.publish..",
          "nl.wijkhub.monitoring..");
}
