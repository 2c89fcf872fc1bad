package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import nl.wijkhub.events.SignalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyBackupTest {

  private static final Envelope JANUARY = new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 1),
      "pmg-multiteam", "signal-1", "identity");
  private static final Envelope FEBRUARY = new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 2),
      "pmg-multiteam", "signal-2", "identity");
  private static final SignalIdentity IDENTITY = SignalIdentity.newBuilder().setBsn("111222333").build();

  @TempDir
  Path dir;

  @Test
  void aLostKeyComesBackFromTheBackupAndOpensItsCiphertexts() throws Exception {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    byte[] sealed = privacy.cipher.seal(JANUARY, IDENTITY);
    privacy.backup.backup(dir.resolve("backup-1"));
    Files.delete(dir.resolve("keys/data/pmg-leeuwarden-oost/2026-01.json"));

    KeyBackup.Restored restored = privacy.backup.restore(dir.resolve("backup-1"));

    assertThat(restored.restored()).containsExactly("data/pmg-leeuwarden-oost/2026-01");
    assertThat(restored.alreadyPresent()).contains("recipient/pmg-multiteam");
    assertThat((SignalIdentity) privacy.decryption.open(JANUARY, sealed, SignalIdentity.getClassSchema()))
        .isEqualTo(IDENTITY);
  }

  @Test
  void restoringABackupOlderThanADestructionNeverBringsTheKeyBack() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    byte[] sealed = privacy.cipher.seal(JANUARY, IDENTITY);
    privacy.cipher.seal(FEBRUARY, IDENTITY);
    privacy.backup.backup(dir.resolve("before-destruction"));
    privacy.dataKeys.destroy("pmg-leeuwarden-oost", YearMonth.of(2026, 1));

    KeyBackup.Restored restored = privacy.backup.restore(dir.resolve("before-destruction"));

    assertThat(restored.refusedAsDestroyed()).containsExactly("data/pmg-leeuwarden-oost/2026-01");
    assertThat(restored.restored()).isEmpty();
    assertThatThrownBy(() -> privacy.decryption.open(JANUARY, sealed, SignalIdentity.getClassSchema()))
        .isInstanceOf(KeyUnavailable.class);
  }

  @Test
  void aBackupCarriesItsDestructionsIntoTheFolderItIsRestoredTo() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    privacy.cipher.seal(JANUARY, IDENTITY);
    privacy.dataKeys.destroy("pmg-leeuwarden-oost", YearMonth.of(2026, 1));
    privacy.backup.backup(dir.resolve("after-destruction"));
    PrivacyFixture replacement = new PrivacyFixture(dir.resolve("new-keys"), dir.resolve("master-keyset.json"));

    replacement.backup.restore(dir.resolve("after-destruction"));

    assertThat(replacement.dataKeys.isDestroyed("pmg-leeuwarden-oost", YearMonth.of(2026, 1))).isTrue();
    assertThatThrownBy(() -> replacement.cipher.seal(JANUARY, IDENTITY)).isInstanceOf(KeyUnavailable.class);
  }
}
