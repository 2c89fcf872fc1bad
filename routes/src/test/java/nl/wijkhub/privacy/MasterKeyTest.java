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

  @Test
  void underProdAMissingMasterKeyIsNeverCreatedAndTheHubDoesNotStart() {
    Path file = dir.resolve("master-keyset.json");

    assertThatThrownBy(() -> MasterKey.load(new PrivacySettings(dir.resolve("keys"), "", "", file, true, "g"), true))
        .isInstanceOf(KeyUnavailable.class).hasMessageContaining("prod profile")
        .hasMessageContaining("wijkhub.privacy.kms-key-uri").hasMessageContaining("WIJKHUB_MASTER_KEYSET")
        .hasMessageContaining(file.toString());
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void underProdAMasterKeysetInsideTheKeyFolderIsRefusedEvenWhenItExists() {
    Path keys = dir.resolve("keys");
    new PrivacyFixture(keys, keys.resolve("master-keyset.json"));

    assertThatThrownBy(() -> MasterKey.load(new PrivacySettings(keys, "", "", keys.resolve("master-keyset.json"),
        false, "g"), true)).isInstanceOf(KeyUnavailable.class).hasMessageContaining("key folder")
        .hasMessageContaining("wijkhub.privacy.master-keyset-file");
  }

  @Test
  void underProdAProvisionedKeysetFileOrTheEnvironmentIsUsed() throws Exception {
    new PrivacyFixture(dir);
    Path provisioned = dir.resolve("master-keyset.json");
    String json = Files.readString(provisioned);

    assertThat(MasterKey.load(new PrivacySettings(dir.resolve("keys"), "", "", provisioned, false, "g"), true))
        .isNotNull();
    assertThat(MasterKey.load(new PrivacySettings(dir.resolve("keys"), "", json, dir.resolve("absent.json"), true,
        "g"), true)).isNotNull();
  }
}
