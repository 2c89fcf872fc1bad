package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import nl.wijkhub.events.SignalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

  @TempDir
  Path dir;

  @Test
  void theEmbeddedDefaultCreatesTheMasterKeyOnceAndReadsItBackAfterARestart() {
    Envelope envelope = new Envelope("svn-casusoverleg", YearMonth.of(2026, 1), "svn-multiteam", "s", "identity");
    SignalIdentity identity = SignalIdentity.newBuilder().setName("Piet").build();
    byte[] sealed = new PrivacyFixture(dir).cipher.seal(envelope, identity);

    PrivacyFixture restarted = new PrivacyFixture(dir);

    assertThat((SignalIdentity) restarted.decryption.open(envelope, sealed, SignalIdentity.getClassSchema()))
        .isEqualTo(identity);
  }

  @Test
  void withoutPermissionToCreateAMissingMasterKeyTheHubDoesNotStart() {
    Path file = dir.resolve("master-keyset.json");

    assertThatThrownBy(() -> MasterKey.load(new PrivacySettings(dir.resolve("keys"), "", "", file, false, "g")))
        .isInstanceOf(KeyUnavailable.class).hasMessageContaining(file.toString())
        .hasMessageContaining("create-master-keyset is false");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aKeysetFromTheEnvironmentWinsOverTheFile() throws Exception {
    new PrivacyFixture(dir);
    String json = Files.readString(dir.resolve("master-keyset.json"));
    Path absent = dir.resolve("absent.json");

    assertThat(MasterKey.load(new PrivacySettings(dir.resolve("keys"), "", json, absent, false, "g"))).isNotNull();
    assertThatThrownBy(() -> MasterKey.load(new PrivacySettings(dir.resolve("keys"), "", "{not a keyset", absent,
        false, "g"))).isInstanceOf(KeyUnavailable.class).hasMessageContaining("master key");
  }
}
