package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.wijkhub.events.SignalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipientCipherTest {

  private static final Envelope ENVELOPE = new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 1),
      "pmg-multiteam", "signal-1", "identity");
  private static final SignalIdentity IDENTITY = SignalIdentity.newBuilder().setBsn("111222333")
      .setName("Jan Jansen").build();

  @TempDir
  Path dir;

  @Test
  void theRecipientOpensWhatWasSealedForItAndTheCiphertextShowsNothing() {
    PrivacyFixture privacy = new PrivacyFixture(dir);

    byte[] sealed = privacy.cipher.seal(ENVELOPE, IDENTITY);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("111222333", "Jan Jansen");
    SignalIdentity opened = privacy.decryption.open(ENVELOPE, sealed, SignalIdentity.getClassSchema());
    assertThat(opened).isEqualTo(IDENTITY);
  }

  @Test
  void aCiphertextMovedToAnotherSignalOrRecipientDoesNotOpen() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    byte[] sealed = privacy.cipher.seal(ENVELOPE, IDENTITY);
    privacy.cipher.seal(new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 1), "svn-multiteam", "x", "identity"),
        IDENTITY);

    assertThatThrownBy(() -> privacy.decryption.open(new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 1),
        "pmg-multiteam", "signal-2", "identity"), sealed, SignalIdentity.getClassSchema()))
        .isInstanceOf(KeyUnavailable.class);
    assertThatThrownBy(() -> privacy.decryption.open(new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 1),
        "svn-multiteam", "signal-1", "identity"), sealed, SignalIdentity.getClassSchema()))
        .isInstanceOf(KeyUnavailable.class);
  }

  @Test
  void destroyingThePeriodKeyMakesItsCiphertextsUnreadableForGood() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    byte[] sealed = privacy.cipher.seal(ENVELOPE, IDENTITY);
    Envelope nextMonth = new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 2), "pmg-multiteam", "s3", "identity");
    byte[] other = privacy.cipher.seal(nextMonth, IDENTITY);

    privacy.dataKeys.destroy("pmg-leeuwarden-oost", YearMonth.of(2026, 1));

    assertThatThrownBy(() -> privacy.decryption.open(ENVELOPE, sealed, SignalIdentity.getClassSchema()))
        .isInstanceOf(KeyUnavailable.class).hasMessageContaining("destroyed");
    assertThatThrownBy(() -> privacy.cipher.seal(ENVELOPE, IDENTITY))
        .as("a destroyed period is never created again").isInstanceOf(KeyUnavailable.class);
    assertThat(Files.exists(dir.resolve("keys/data/pmg-leeuwarden-oost/2026-01.json"))).isFalse();
    assertThat((SignalIdentity) privacy.decryption.open(nextMonth, other, SignalIdentity.getClassSchema()))
        .as("other periods are untouched").isEqualTo(IDENTITY);
  }

  @Test
  void storedKeysAreWrappedAndUselessWithAnotherMasterKey() throws Exception {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    byte[] sealed = privacy.cipher.seal(ENVELOPE, IDENTITY);

    String stored = Files.readString(dir.resolve("keys/data/pmg-leeuwarden-oost/2026-01.json"));
    assertThat(stored).contains("encryptedKeyset");
    PrivacyFixture otherMaster = new PrivacyFixture(dir.resolve("keys"), dir.resolve("other-master.json"));

    assertThatThrownBy(() -> otherMaster.decryption.open(ENVELOPE, sealed, SignalIdentity.getClassSchema()))
        .isInstanceOf(KeyUnavailable.class).hasMessageContaining("master key");
  }

  @Test
  void aRecipientKeyReplacedOnDiskIsUsedAtOnceAndTheOldOneNoLonger() throws Exception {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    byte[] underKept = privacy.cipher.seal(ENVELOPE, IDENTITY);
    Path key = dir.resolve("keys/recipient/pmg-multiteam.json");
    Path kept = Files.copy(key, dir.resolve("kept-recipient-key.json"));
    // Another key pair for the recipient under the same master key, as a restore of another backup would bring it.
    Path elsewhere = dir.resolve("elsewhere");
    new PrivacyFixture(elsewhere.resolve("keys"), dir.resolve("master-keyset.json")).cipher.seal(ENVELOPE, IDENTITY);
    replace(key, elsewhere.resolve("keys/recipient/pmg-multiteam.json"));

    byte[] underOther = privacy.cipher.seal(ENVELOPE, IDENTITY);
    assertThat((SignalIdentity) privacy.decryption.open(ENVELOPE, underOther, SignalIdentity.getClassSchema()))
        .isEqualTo(IDENTITY);
    assertThatThrownBy(() -> privacy.decryption.open(ENVELOPE, underKept, SignalIdentity.getClassSchema()))
        .as("the cached primitive of the replaced key is not used").isInstanceOf(KeyUnavailable.class);

    replace(key, kept);
    assertThat((SignalIdentity) privacy.decryption.open(ENVELOPE, underKept, SignalIdentity.getClassSchema()))
        .isEqualTo(IDENTITY);
  }

  /** As a restore does: a new file moved over the old one, so that it is never the same file with other bytes. */
  private static void replace(Path target, Path source) throws Exception {
    Path temp = Files.copy(source, target.resolveSibling(target.getFileName() + ".restore"));
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void manyThreadsSealingTheFirstSignalOfAMonthShareOneDataKey() throws Exception {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<byte[]>> sealed = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        sealed.add(pool.submit(() -> {
          start.await();
          return privacy.cipher.seal(ENVELOPE, IDENTITY);
        }));
      }
      for (Future<byte[]> each : sealed) {
        assertThat((SignalIdentity) privacy.decryption.open(ENVELOPE, each.get(), SignalIdentity.getClassSchema()))
            .as("every seal opens with the one key on disk").isEqualTo(IDENTITY);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDestructionRecordedByAnotherProcessIsSeenBeforeTheNextSeal() throws Exception {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    privacy.cipher.seal(ENVELOPE, IDENTITY);
    assertThat(privacy.cipher.canSeal("pmg-leeuwarden-oost", YearMonth.of(2026, 1))).isTrue();

    // As `./wijkhub keys` or a restore beside the running hub would append it.
    Files.writeString(dir.resolve("keys").resolve(KeyFiles.DESTROYED),
        "data/pmg-leeuwarden-oost/2026-01 2026-02-01T00:00:00Z\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);

    assertThat(privacy.cipher.canSeal("pmg-leeuwarden-oost", YearMonth.of(2026, 1))).isFalse();
  }

  @Test
  void tinkFindsConscryptsNativeX25519() {
    new PrivacyFixture(dir);

    assertThat(TinkSetup.usesConscrypt()).as("Conscrypt's native library loads on linux x86_64 and aarch64").isTrue();
  }
}
