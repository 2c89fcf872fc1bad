package nl.wijkhub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.SftpLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class SftpAccountsTest {

  @TempDir
  Path dir;

  private final MockEnvironment environment = new MockEnvironment();

  private static Partner partner(String id, SftpLocation sftp) {
    return new Partner(id, id, "leeuwarden-oost", "test", null, null, sftp);
  }

  private static SftpLocation location(String passwordFrom, String privateKeyFrom) {
    return new SftpLocation("sftp.example.nl", null, "wijkhub", "upload", passwordFrom, privateKeyFrom);
  }

  private SftpSettings settings(Path knownHosts) {
    return new SftpSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), knownHosts, Duration.ofSeconds(10));
  }

  private Path knownHosts() throws IOException {
    return Files.writeString(dir.resolve("known_hosts"), "sftp.example.nl ssh-ed25519 AAAA\n");
  }

  @Test
  void credentialsAreReadFromTheVariablesThePartnerNames() throws IOException {
    environment.setProperty("ELKIEN_PASSWORD", "geheim");
    environment.setProperty("ELKIEN_KEY", "-----BEGIN OPENSSH PRIVATE KEY-----");

    List<SftpAccount> accounts = SftpAccounts.resolve(List.of(partner("elkien", location("ELKIEN_PASSWORD",
        "ELKIEN_KEY")), partner("dbieb", null)), settings(knownHosts()), environment).all();

    assertThat(accounts).singleElement().satisfies(account -> {
      assertThat(account.partnerId()).isEqualTo("elkien");
      assertThat(account.password()).isEqualTo("geheim");
      assertThat(new String(account.privateKey(), StandardCharsets.UTF_8))
          .isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----");
    });
  }

  @Test
  void noPartnerWithSftpNeedsNoKnownHosts() {
    assertThat(SftpAccounts.resolve(List.of(partner("dbieb", null)), settings(null), environment).all()).isEmpty();
  }

  @Test
  void aNamedVariableThatIsNotSetStopsStartUpNamingPartnerVariableAndFix() throws IOException {
    environment.setProperty("ELKIEN_PASSWORD", "geheim");

    assertThatIllegalStateException().isThrownBy(() -> SftpAccounts.resolve(List.of(
            partner("elkien", location("ELKIEN_PASSWORD", "ELKIEN_KEY")),
            partner("dbieb", location("DBIEB_PASSWORD", null))), settings(knownHosts()), environment))
        .withMessageContaining("2 problem(s)")
        .withMessageContaining("partners.yaml, partner 'elkien', sftp: privateKeyFrom names ELKIEN_KEY, which is not"
            + " set; set that environment variable (or Spring property) to the private key")
        .withMessageContaining("partner 'dbieb', sftp: passwordFrom names DBIEB_PASSWORD, which is not set");
  }

  @Test
  void sftpWithoutKnownHostsStopsStartUpSayingHostKeysAreOnlyTrustedFromThatFile() {
    environment.setProperty("ELKIEN_PASSWORD", "geheim");

    assertThatIllegalStateException().isThrownBy(() -> SftpAccounts.resolve(List.of(
            partner("elkien", location("ELKIEN_PASSWORD", null))), settings(null), environment))
        .withMessageContaining("wijkhub.sftp.known-hosts (env WIJKHUB_SFTP_KNOWN_HOSTS) is not set")
        .withMessageContaining("only trusted from a known_hosts file");
  }

  @Test
  void knownHostsThatCannotBeReadStopsStartUpNamingThePath() {
    environment.setProperty("ELKIEN_PASSWORD", "geheim");
    Path absent = dir.resolve("absent");

    assertThatIllegalStateException().isThrownBy(() -> SftpAccounts.resolve(List.of(
            partner("elkien", location("ELKIEN_PASSWORD", null))), settings(absent), environment))
        .withMessageContaining("'" + absent + "', which cannot be read");
  }

  @Test
  void knownHostsLeftEmptyAsInApplicationYamlBindsAsNotSet() {
    SftpSettings bound = new Binder(new MapConfigurationPropertySource(Map.of("wijkhub.sftp.poll-interval", "30s",
        "wijkhub.sftp.min-age", "5s", "wijkhub.sftp.known-hosts", "", "wijkhub.sftp.connect-timeout", "10s")))
        .bind("wijkhub.sftp", SftpSettings.class).get();

    assertThat(bound.knownHosts()).isNull();
    assertThat(bound.minAge()).isEqualTo(Duration.ofSeconds(5));
  }
}
