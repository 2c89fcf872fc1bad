package nl.wijkhub.covenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import nl.wijkhub.events.SignalType;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataException;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped covenants load; each contradiction the issue names stops start-up with file, entry and fix. */
class CovenantLoaderTest {

  private static final Path SHIPPED = Path.of("..", "config");

  @TempDir
  Path dir;

  private final CovenantLoader loader = new CovenantLoader(new PathMatchingResourcePatternResolver());
  private ReferenceData reference;

  @BeforeEach
  void copyShippedConfig() throws IOException {
    Files.createDirectories(dir.resolve("covenants"));
    try (Stream<Path> files = Stream.concat(Files.list(SHIPPED), Files.list(SHIPPED.resolve("covenants")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(SHIPPED.relativize(file).toString()));
      }
    }
    reference = new ReferenceDataLoader(new PathMatchingResourcePatternResolver()).load(location());
  }

  @Test
  void theShippedCovenantsGovernBySupplierTypeAndDate() {
    Covenants covenants = loader.load(location(), reference);

    CovenantVersion v1 = covenants.governing("politie-leeuwarden-oost", SignalType.JONGERE_IN_BEELD,
        LocalDate.of(2024, 6, 1)).orElseThrow();
    assertThat(v1.covenantId()).isEqualTo("pmg-leeuwarden-oost");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.processingActivityUri()).hasToString(
        "https://wijkhub.example/verwerkingsregister/pmg-multiteam-signalen#pmg-leeuwarden-oost/v1");
    assertThat(covenants.governing("politie-leeuwarden-oost", SignalType.JONGERE_IN_BEELD,
        LocalDate.of(2026, 3, 1))).map(CovenantVersion::version).contains(2);
    assertThat(covenants.governing("kansrijk", SignalType.JONGERE_IN_BEELD, LocalDate.of(2025, 12, 31)))
        .as("KansRIJK signed only version 2").isEmpty();
    assertThat(covenants.governing("politie-leeuwarden-oost", SignalType.JONGERE_IN_BEELD,
        LocalDate.of(2023, 12, 31))).as("before every valid version").isEmpty();
    assertThat(covenants.governing("elkien", SignalType.SCHOOLVERZUIM, LocalDate.of(2024, 6, 1))).isEmpty();
    assertThat(covenants.governing("dbieb", SignalType.JONGERE_IN_BEELD, LocalDate.of(2024, 6, 1))).isEmpty();
    CovenantVersion svn = covenants.governing("vidomes", SignalType.HUURACHTERSTAND, LocalDate.of(2025, 2, 1))
        .orElseThrow();
    assertThat(svn.recipients()).singleElement().satisfies(r -> {
      assertThat(r.partner()).isEqualTo("svn-multiteam");
      assertThat(r.permits("content.note")).isFalse();
      assertThat(r.permits("identity.bsn")).isTrue();
    });
  }

  @Test
  void aRecipientThatIsNotAPartyIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "  - partner: svn-multiteam\n", "  - partner: pmg-multiteam\n");

    assertRefused("covenants/svn-casusoverleg.yaml, version 1: recipient 'pmg-multiteam': is not a party");
  }

  @Test
  void aFieldNoSchemaHasIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "identity.dateOfBirth,", "identity.geboortedatum,");

    assertRefused("covenants/svn-casusoverleg.yaml, version 1: recipient 'svn-multiteam': field"
        + " 'identity.geboortedatum' is not a field of the RoutedSignal schema; use one of [wijk");
  }

  @Test
  void aSignalTypeOutsideTheVocabularyIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "signalTypes: [SCHOOLVERZUIM]\n      - partner: panta-rhei",
        "signalTypes: [SPIJBELEN]\n      - partner: panta-rhei");

    assertRefused("version 1: supplier 'spinoza': signal type 'SPIJBELEN' is not in the vocabulary; use one of"
        + " [JONGERE_IN_BEELD");
  }

  @Test
  void eMailAsAChannelIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "channels: [api, sftp, drop-folder]", "channels: [api, e-mail]");

    assertRefused("covenants/svn-casusoverleg.yaml, version 1: channel 'e-mail' is not allowed for signals");
  }

  @Test
  void aRetentionAboveTheLimitForATypeIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "retention: P1Y", "retention: P2Y");

    assertRefused("version 1: supplier 'vidomes': retention P2Y is longer than the register's limit P18M for"
        + " HUURACHTERSTAND");
  }

  @Test
  void twoCovenantsThatWouldRouteOneSignalTwiceAreRefused() throws IOException {
    String copy = Files.readString(dir.resolve("covenants/svn-casusoverleg.yaml"))
        .replace("id: svn-casusoverleg", "id: svn-tweede");
    Files.writeString(dir.resolve("covenants/svn-tweede.yaml"), copy);

    assertRefused("covenant 'svn-casusoverleg' version 1 and covenant 'svn-tweede' version 1 both let"
        + " 'politie-leidschendam' deliver");
  }

  @Test
  void overlappingVersionsOfOneCovenantAreRefused() throws IOException {
    edit("pmg-leeuwarden-oost.yaml", "validFrom: 2026-01-01", "validFrom: 2025-12-01");

    assertRefused("covenant 'pmg-leeuwarden-oost' version 1 and covenant 'pmg-leeuwarden-oost' version 2 are valid"
        + " on the same days");
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPlace() throws IOException {
    edit("svn-casusoverleg.yaml", "    retention: P1Y", "    bewaartermijn: P1Y");

    assertRefused("covenants/svn-casusoverleg.yaml is not valid at versions entry 1 > bewaartermijn");
  }

  @Test
  void aPartyThatIsNoPartnerIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "panta-rhei, svn-multiteam]", "panta-rhei, svn-multiteam, onbekend]");

    assertRefused("version 1: party 'onbekend' is not in partners.yaml");
  }

  @Test
  void aVersionThatDoesNotSayWhetherProfessionalsAreToldIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "    notifyProfessionals: false\n", "");

    assertRefused("covenants/svn-casusoverleg.yaml, version 1: notifyProfessionals is missing; write true only if");
  }

  @Test
  void tellingProfessionalsWithoutARecipientThatSeesTheirContactIsRefused() throws IOException {
    edit("svn-casusoverleg.yaml", "notifyProfessionals: false", "notifyProfessionals: true");
    edit("svn-casusoverleg.yaml", "content.professionalName, content.professionalContact]",
        "content.professionalName]");

    assertRefused("covenants/svn-casusoverleg.yaml, version 1: notifyProfessionals is true, but no recipient may"
        + " see content.professionalContact");
  }

  @Test
  void theShippedCovenantsTellNoProfessionalsUntilTheirPartiesAgree() {
    assertThat(loader.load(location(), reference).ids()).allSatisfy(id ->
        assertThat(loader.load(location(), reference).versions(id)).noneMatch(v -> v.notifyProfessionals()));
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve("covenants").resolve(file);
    String text = Files.readString(path);
    assertThat(text).as("fixture text in %s", file).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private void assertRefused(String message) {
    ReferenceDataException e = catchThrowableOfType(ReferenceDataException.class,
        () -> loader.load(location(), reference));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage()).contains(message);
  }

  private String location() {
    return dir.toUri().toString();
  }
}
