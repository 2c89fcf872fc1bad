package nl.wijkhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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
}
