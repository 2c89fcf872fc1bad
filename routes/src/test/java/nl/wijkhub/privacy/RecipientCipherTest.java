package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
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
}
