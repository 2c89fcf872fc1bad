package nl.wijkhub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class ReferenceDataLoaderTest {

  private static final String PROGRAMMES = """
      programmes:
        - id: oost
          name: Oost
          municipality: oost-gemeente
          wijken:
            - code: bilgaard
              name: Bilgaard
              aliases: []
            - code: oud-oost
              name: Oud Oost
              aliases: ["Vlietzone", "Vliet"]
        - id: noord
          name: Noord
          municipality: noord-gemeente
          wijken:
            - code: prinsenhof
              name: Prinsenhof
      """;
  private static final String PARTNERS = """
      partners:
        - id: dbieb
          name: DBieb
          programme: oost
          sector: bibliotheek
          wijken: ["*"]
        - id: wijkbedrijf-bilgaard
          name: Wijkbedrijf Bilgaard
          programme: oost
          sector: wijkorganisatie
          wijken: ["bilgaard"]
        - id: bieb-noord
          name: Bieb Noord
          programme: noord
          sector: bibliotheek
          wijken: ["*"]
      """;
  private static final String INDICATORS = """
      indicators:
        - code: taalmaatjes-gekoppeld
          programme: oost
          name: "Taalmaatjes gekoppeld"
          pillar: leren
          intervention: "Taalmaatje"
          unit: koppels
          deliveredBy: ["dbieb"]
          realised: {period: "2024", value: 18}
          source: "test"
        - code: doorstroom
          programme: oost
          name: "Doorstroom"
          deliveredBy: ["wijkbedrijf-*"]
        - code: taalmaatjes-gekoppeld
          programme: noord
          name: "Zelfde code, ander programma"
          deliveredBy: ["bieb-noord"]
      """;

  @TempDir
  Path dir;

  private final ReferenceDataLoader loader = new ReferenceDataLoader(new DefaultResourceLoader());

  @BeforeEach
  void writeValidConfig() {
    write("programmes.yaml", PROGRAMMES);
    write("partners.yaml", PARTNERS);
    write("indicators.yaml", INDICATORS);
  }

  private void write(String file, String content) {
    try {
      Files.writeString(dir.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String location() {
    return dir.toUri().toString();
  }

  private String failure() {
    ReferenceDataException e = catchThrowableOfType(ReferenceDataException.class, () -> loader.load(location()));
    assertThat(e).as("loading should fail").isNotNull();
    return e.getMessage();
  }

  @Test
  void realConfigOfTheHubLoadsWithAllItsPartners() {
    ReferenceData data = loader.load("file:../config/");

    assertThat(data.partners()).hasSize(66);
    assertThat(data.programmes()).extracting(Programme::id).containsExactlyInAnyOrder("leeuwarden-oost",
        "sterk-voor-noord");
    assertThat(data.partner("wijkbedrijf-bilgaard")).get().extracting(Partner::wijken)
        .isEqualTo(java.util.List.of("bilgaard"));
    assertThat(data.partner("dbieb")).get().extracting(Partner::mailFrom)
        .isEqualTo(java.util.List.of("tellingen@dbieb.example"));
    assertThat(data.indicator("leeuwarden-oost", "taalmaatjes-gekoppeld")).get()
        .satisfies(i -> {
          assertThat(i.deliveredBy()).containsExactly("dbieb");
          assertThat(i.realised()).isEqualTo(new Indicator.Figure("2024", 18));
        });
  }

  @Test
  void realConfigAlsoLoadsFromTheClasspathAsShippedInTheJar() {
    assertThat(loader.load("classpath:config").partners()).hasSize(66);
  }

  @Test
  void validConfigLoadsWithAndWithoutTrailingSlash() {
    String withoutSlash = location().endsWith("/") ? location().substring(0, location().length() - 1) : location();

    assertThat(loader.load(location()).partners()).hasSize(3);
    assertThat(loader.load(withoutSlash).partners()).hasSize(3);
  }

  @Test
  void sameIndicatorCodeInTwoProgrammesIsAllowed() {
    ReferenceData data = loader.load(location());

    assertThat(data.indicator("oost", "taalmaatjes-gekoppeld")).get().extracting(Indicator::name)
        .isEqualTo("Taalmaatjes gekoppeld");
    assertThat(data.indicator("noord", "taalmaatjes-gekoppeld")).get().extracting(Indicator::name)
        .isEqualTo("Zelfde code, ander programma");
  }

  @Test
  void sameAliasInTwoProgrammesIsAllowed() {
    write("programmes.yaml", PROGRAMMES.replace("name: Prinsenhof", "name: Prinsenhof\n        aliases: [\"Vliet\"]"));

    assertThat(loader.load(location()).wijk("noord", "vliet"))
        .isEqualTo(new ReferenceData.WijkMatch.Found("prinsenhof"));
  }

  @Test
  void unknownKeyIsRefusedNamingTheFileTheEntryAndTheKey() {
    write("partners.yaml", PARTNERS.replace("name: Wijkbedrijf Bilgaard", "nam: Wijkbedrijf Bilgaard"));

    assertThat(failure()).contains("partners.yaml", "partners entry 2 > nam", "Unrecognized property \"nam\"",
        "expected keys");
  }

  @Test
  void valueOfTheWrongShapeIsRefusedNamingTheEntryAndTheKey() {
    write("partners.yaml", PARTNERS.replace("wijken: [\"bilgaard\"]", "wijken: {bilgaard: ja}"));

    assertThat(failure()).contains("partners.yaml", "partners entry 2 > wijken");
  }

  @Test
  void misspeltTopLevelKeyIsRefusedNamingTheFile() {
    write("indicators.yaml", INDICATORS.replace("indicators:", "indicator:"));

    assertThat(failure()).contains("indicators.yaml", "\"indicator\"");
  }

  @Test
  void yamlSyntaxErrorIsRefusedNamingTheFileAndLine() {
    write("programmes.yaml", PROGRAMMES.replace("aliases: [\"Vlietzone\", \"Vliet\"]",
        "aliases: [\"Vlietzone\", \"Vliet\""));

    assertThat(failure()).contains("programmes.yaml", "is not valid", "line");
  }

  @Test
  void partnerWithUnknownProgrammeIsRefusedNamingPartnerProgrammeAndFix() {
    write("partners.yaml", PARTNERS.replace("programme: noord", "programme: noordd"));

    assertThat(failure()).contains("partners.yaml", "partner 'bieb-noord'", "programme 'noordd'",
        "is not in programmes.yaml", "correct it or add the programme");
  }

  @Test
  void partnerWijkOutsideItsProgrammeIsRefusedNamingPartnerWijkAndFix() {
    write("partners.yaml", PARTNERS.replace("wijken: [\"bilgaard\"]", "wijken: [\"bilgaard\", \"prinsenhof\"]"));

    assertThat(failure()).contains("partners.yaml", "partner 'wijkbedrijf-bilgaard'", "wijk 'prinsenhof'",
        "is not a wijk of oost", "use a wijk code or '*'");
  }

  @Test
  void partnerWijkWrittenAsANameInsteadOfACodeIsRefused() {
    write("partners.yaml", PARTNERS.replace("wijken: [\"bilgaard\"]", "wijken: [\"Bilgaard\"]"));

    assertThat(failure()).contains("partner 'wijkbedrijf-bilgaard'", "wijk 'Bilgaard'");
  }

  @Test
  void deliveredByMatchingNoPartnerIsRefusedNamingIndicatorEntryAndFix() {
    write("indicators.yaml", INDICATORS.replace("deliveredBy: [\"dbieb\"]", "deliveredBy: [\"dbeib\"]"));

    assertThat(failure()).contains("indicators.yaml", "indicator 'taalmaatjes-gekoppeld'", "deliveredBy 'dbeib'",
        "matches no partner of oost", "correct the id or add the partner");
  }

  @Test
  void deliveredByWildcardMatchingNoPartnerIsRefused() {
    write("indicators.yaml", INDICATORS.replace("deliveredBy: [\"wijkbedrijf-*\"]", "deliveredBy: [\"ikc-*\"]"));

    assertThat(failure()).contains("indicator 'doorstroom'", "deliveredBy 'ikc-*'");
  }

  @Test
  void deliveredByNamingAPartnerOfTheOtherProgrammeIsRefused() {
    write("indicators.yaml", INDICATORS.replace("deliveredBy: [\"dbieb\"]", "deliveredBy: [\"bieb-noord\"]"));

    assertThat(failure()).contains("indicator 'taalmaatjes-gekoppeld'", "deliveredBy 'bieb-noord'",
        "matches no partner of oost");
  }

  @Test
  void emptyDeliveredByIsRefused() {
    write("indicators.yaml", INDICATORS.replace("deliveredBy: [\"dbieb\"]", "deliveredBy: []"));

    assertThat(failure()).contains("indicator 'taalmaatjes-gekoppeld'", "deliveredBy is empty");
  }

  @Test
  void indicatorOfUnknownProgrammeIsRefused() {
    write("indicators.yaml", INDICATORS.replace("programme: noord", "programme: zuid"));

    assertThat(failure()).contains("indicators.yaml", "programme 'zuid' is not in programmes.yaml");
  }

  @Test
  void aliasSharedByTwoWijkenIsRefusedNamingBothWijkenAndTheFix() {
    write("programmes.yaml", PROGRAMMES.replace("aliases: []", "aliases: [\"Vliet\"]"));

    assertThat(failure()).contains("programmes.yaml", "programme 'oost'", "'Vliet'", "wijk 'bilgaard'",
        "wijk 'oud-oost'", "give each spelling to one wijk only");
  }

  @Test
  void aliasThatDiffersOnlyInCaseOrPunctuationStillCollides() {
    write("programmes.yaml", PROGRAMMES.replace("aliases: []", "aliases: [\"OUD-OOST\"]"));

    assertThat(failure()).as("names the alias to fix, not only the wijk it clashes with")
        .contains("wijk 'oud-oost'", "also means wijk 'bilgaard'", "written 'OUD-OOST' there");
  }

  @Test
  void wijkCodeDefinedTwiceInAProgrammeIsRefused() {
    write("programmes.yaml", PROGRAMMES.replace("- code: oud-oost\n        name: Oud Oost",
        "- code: bilgaard\n        name: Bilgaard Noord"));

    assertThat(failure()).contains("programmes.yaml", "programme 'oost'", "wijk 'bilgaard'", "twice");
  }

  @Test
  void wijkWithoutCodeIsRefusedInsteadOfCrashing() {
    write("programmes.yaml", PROGRAMMES.replace("- code: prinsenhof\n        name: Prinsenhof",
        "- name: Prinsenhof"));

    assertThat(failure()).contains("programmes.yaml", "programme 'noord'", "Prinsenhof", "code");
  }

  @Test
  void partnerWithoutIdIsRefusedNamingItsPlaceInTheFile() {
    write("partners.yaml", PARTNERS.replace("- id: bieb-noord\n", "- sector: x\n"));

    assertThat(failure()).contains("partners.yaml, partner number 3", "'id' is missing");
  }

  @Test
  void partnerWithoutNameIsRefusedBecauseReceiptsNameThePartner() {
    write("partners.yaml", PARTNERS.replace("    name: DBieb\n", ""));

    assertThat(failure()).contains("partners.yaml, partner 'dbieb'", "'name' is missing");
  }

  @Test
  void indicatorWithoutCodeIsRefusedInsteadOfCrashing() {
    write("indicators.yaml", INDICATORS.replace("- code: doorstroom\n", "- deliveredBy: [\"dbieb\"]\n")
        .replace("    deliveredBy: [\"wijkbedrijf-*\"]\n", ""));

    assertThat(failure()).contains("indicators.yaml, indicator number 2", "'code' is missing");
  }

  @Test
  void programmeWithoutMunicipalityIsRefusedNamingTheProgramme() {
    write("programmes.yaml", PROGRAMMES.replace("    municipality: noord-gemeente\n", ""));

    assertThat(failure()).contains("programmes.yaml, programme 'noord'", "'municipality' is missing");
  }

  @Test
  void programmeWithoutIdIsRefusedInsteadOfCrashing() {
    write("programmes.yaml", PROGRAMMES.replace("- id: noord\n", "- wijken: []\n"));

    assertThat(failure()).contains("programmes.yaml, programme number 2", "'id' is missing");
  }

  @Test
  void partnerAndIndicatorWithoutProgrammeAreRefusedInsteadOfCrashing() {
    write("partners.yaml", PARTNERS.replace("    programme: noord\n", ""));
    write("indicators.yaml", INDICATORS.replace("    programme: noord\n", ""));

    assertThat(failure()).contains("partner 'bieb-noord': programme 'null' is not in programmes.yaml",
        "indicator 'taalmaatjes-gekoppeld': programme 'null' is not in programmes.yaml");
  }

  @Test
  void sftpLocationLoadsWithPort22WhenNoneIsGiven() {
    giveDbiebSftp("{host: sftp.dbieb.nl, user: wijkhub, directory: upload, passwordFrom: WIJKHUB_SFTP_DBIEB_PASSWORD}");

    assertThat(loader.load(location()).partner("dbieb")).get().extracting(Partner::sftp)
        .isEqualTo(new SftpLocation("sftp.dbieb.nl", 22, "wijkhub", "upload", "WIJKHUB_SFTP_DBIEB_PASSWORD", null));
    assertThat(loader.load(location()).partner("bieb-noord")).get().extracting(Partner::sftp).isNull();
  }

  @Test
  void sftpLocationWithoutHostUserOrDirectoryIsRefusedNamingPartnerKeyAndFix() {
    giveDbiebSftp("{port: 2222, privateKeyFrom: WIJKHUB_SFTP_DBIEB_KEY}");

    assertThat(failure()).contains(
        "partners.yaml, partner 'dbieb', sftp: the key 'host' is missing or empty; add it",
        "partners.yaml, partner 'dbieb', sftp: the key 'user' is missing or empty; add it",
        "partners.yaml, partner 'dbieb', sftp: the key 'directory' is missing or empty; add it");
  }

  @Test
  void sftpPortOutsideTheTcpRangeIsRefusedNamingPartnerPortAndFix() {
    giveDbiebSftp("{host: h, port: 65536, user: u, directory: d, passwordFrom: P}");

    assertThat(failure()).contains("partners.yaml, partner 'dbieb', sftp: port 65536 is not a TCP port",
        "use 1 to 65535");
  }

  @Test
  void sftpAbsoluteDirectoryIsRefusedBecauseSftpPathsAreRelativeToTheLoginFolder() {
    giveDbiebSftp("{host: h, user: u, directory: /data/dbieb, passwordFrom: P}");

    assertThat(failure()).contains("partners.yaml, partner 'dbieb', sftp: directory '/data/dbieb' is absolute",
        "relative to that folder");
  }

  @Test
  void sftpLocationWithoutACredentialReferenceIsRefusedSayingToNameTheVariable() {
    giveDbiebSftp("{host: h, user: u, directory: d}");

    assertThat(failure()).contains("partners.yaml, partner 'dbieb', sftp: no credential",
        "add passwordFrom or privateKeyFrom", "the secret itself never goes in this file");
  }

  @Test
  void sftpPasswordWrittenInTheFileIsRefusedAsAnUnknownKey() {
    giveDbiebSftp("{host: h, user: u, directory: d, password: geheim}");

    assertThat(failure()).contains("partners.yaml", "sftp > password", "Unrecognized property \"password\"");
  }

  @Test
  void duplicatePartnerIdIsRefused() {
    write("partners.yaml", PARTNERS + """
          - id: dbieb
            name: DBieb tweede keer
            programme: oost
            sector: bibliotheek
            wijken: ["*"]
        """);

    assertThat(failure()).contains("partners.yaml", "partner 'dbieb'", "defined twice");
  }

  @Test
  void senderAddressesAreReadPerPartner() {
    write("partners.yaml", PARTNERS.replace("wijken: [\"bilgaard\"]",
        "wijken: [\"bilgaard\"]\n    mailFrom: [\"tellingen@wijkbedrijf.example\"]"));

    ReferenceData data = loader.load(location());

    assertThat(data.partner("wijkbedrijf-bilgaard")).get().extracting(Partner::mailFrom)
        .isEqualTo(java.util.List.of("tellingen@wijkbedrijf.example"));
    assertThat(data.partner("dbieb")).get().extracting(Partner::mailFrom).isEqualTo(java.util.List.of());
  }

  @Test
  void senderAddressThatIsNotAnAddressIsRefusedNamingPartnerAddressAndFix() {
    write("partners.yaml", PARTNERS.replace("wijken: [\"bilgaard\"]",
        "wijken: [\"bilgaard\"]\n    mailFrom: [\"Wijkbedrijf <tellingen@wijkbedrijf.example>\", \"tellingen\"]"));

    assertThat(failure()).contains("partners.yaml, partner 'wijkbedrijf-bilgaard'",
        "mailFrom 'Wijkbedrijf <tellingen@wijkbedrijf.example>' is not an e-mail address", "mailFrom 'tellingen'",
        "write it as name@domain");
  }

  @Test
  void senderAddressRegisteredForTwoPartnersIsRefusedNamingBothAndTheFix() {
    write("partners.yaml", PARTNERS
        .replace("wijken: [\"bilgaard\"]", "wijken: [\"bilgaard\"]\n    mailFrom: [\"tellingen@bieb.example\"]")
        .replace("sector: bibliotheek\n    wijken: [\"*\"]\n  - id: wijkbedrijf",
            "sector: bibliotheek\n    wijken: [\"*\"]\n    mailFrom: [\"Tellingen@Bieb.example\"]\n  - id: wijkbedrijf"));

    assertThat(failure()).contains("partners.yaml", "partner 'wijkbedrijf-bilgaard'",
        "mailFrom 'tellingen@bieb.example' is also registered for partner 'dbieb'", "remove it from one of them");
  }

  @Test
  void duplicateProgrammeIdIsRefused() {
    write("programmes.yaml", PROGRAMMES + """
          - id: noord
            name: Noord opnieuw
        """);

    assertThat(failure()).contains("programmes.yaml", "programme 'noord'", "defined twice");
  }

  @Test
  void duplicateIndicatorCodeInOneProgrammeIsRefused() {
    write("indicators.yaml", INDICATORS + """
          - code: doorstroom
            programme: oost
            name: "Nog eens"
            deliveredBy: ["dbieb"]
        """);

    assertThat(failure()).contains("indicators.yaml", "indicator 'doorstroom'", "defined twice in programme oost");
  }

  @Test
  void emptyFileIsRefusedNamingTheFileAndTheListItNeeds() {
    write("partners.yaml", "");

    assertThat(failure()).contains("partners.yaml", "partners:");
  }

  @Test
  void fileWithOnlyCommentsIsRefusedNamingTheFileAndTheListItNeeds() {
    write("indicators.yaml", "# nog niets\n");

    assertThat(failure()).contains("indicators.yaml", "indicators:");
  }

  @Test
  void topLevelKeyWithoutAListIsRefusedAsHavingNoEntries() {
    write("partners.yaml", "partners:\n");

    assertThat(failure()).contains("partners.yaml has no entries", "'partners:'");
  }

  @Test
  void emptyListIsRefusedAsHavingNoEntries() {
    write("programmes.yaml", "programmes: []\n");

    assertThat(failure()).contains("programmes.yaml has no entries", "'programmes:'");
  }

  @Test
  void missingFileIsRefusedSayingWhichSettingPointsAtTheFolder() throws IOException {
    Files.delete(dir.resolve("indicators.yaml"));

    assertThat(failure()).contains("Cannot read", "indicators.yaml", "wijkhub.reference-data");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    write("partners.yaml", PARTNERS.replace("programme: noord", "programme: zuid")
        .replace("wijken: [\"bilgaard\"]", "wijken: [\"bilgaardt\"]"));
    write("indicators.yaml", INDICATORS.replace("deliveredBy: [\"dbieb\"]", "deliveredBy: [\"dbeib\"]"));

    String message = failure();

    assertThat(message).contains("partner 'bieb-noord'", "wijk 'bilgaardt'", "deliveredBy 'dbeib'");
    assertThat(message).startsWith("The reference data has 4 problem(s)");
  }

  /** partners.yaml with an {@code sftp:} block (flow-style YAML) on partner dbieb. */
  private void giveDbiebSftp(String block) {
    write("partners.yaml", PARTNERS.replaceFirst("    sector: bibliotheek\n",
        Matcher.quoteReplacement("    sector: bibliotheek\n    sftp: " + block + "\n")));
  }
}
