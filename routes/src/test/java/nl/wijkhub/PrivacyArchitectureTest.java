package nl.wijkhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.privacy.RecipientDecryption;

/** Key material stays in privacy; only the MultiTeam module may decrypt for a recipient. */
@AnalyzeClasses(packages = "nl.wijkhub", importOptions = ImportOption.DoNotIncludeTests.class)
class PrivacyArchitectureTest {

  @ArchTest
  static final ArchRule onlyPrivacyTouchesTink = noClasses().that().resideOutsideOfPackage("nl.wijkhub.privacy..")
      .should().dependOnClassesThat().resideInAPackage("com.google.crypto.tink..")
      .because("keys and cryptography live in privacy/ only");

  @ArchTest
  static final ArchRule onlyTheMultiTeamDecrypts = noClasses().that()
      .resideOutsideOfPackages("nl.wijkhub.privacy..", "nl.wijkhub.multiteam..")
      .should().dependOnClassesThat().areAssignableTo(RecipientDecryption.class)
      .because("the recipient's private key is used only on behalf of the MultiTeam");

  @ArchTest
  static final ArchRule theSignalCountsReadNoPersonalField = noClasses().that()
      .resideInAPackage("nl.wijkhub.signalcounts..")
      .should().callMethod(RoutedSignal.class, "getPseudonyms")
      .orShould().callMethod(RoutedSignal.class, "getIdentity")
      .orShould().callMethod(RoutedSignal.class, "getContent")
      .orShould().callMethod(RoutedSignal.class, "getSupplier")
      .orShould().dependOnClassesThat().resideInAPackage("nl.wijkhub.privacy..")
      .orShould().dependOnClassesThat().areAssignableTo(RoutedSignalReader.class)
      .because("the dashboard's counts are aggregates: they need the type, wijk and month of a signal, never whom"
          + " it is about, who sent it or what it says");
}
