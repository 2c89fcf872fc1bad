package nl.wijkhub.privacy;

import java.nio.file.Path;
import java.time.Instant;
import nl.wijkhub.support.SettableClock;

/** The privacy module on a temporary key folder, with a master key file and a clock the test moves. */
public final class PrivacyFixture {

  public final SettableClock clock = new SettableClock(Instant.parse("2026-01-15T10:00:00Z"));
  final KeyFiles keys;
  public final DataKeys dataKeys;
  public final Pseudonyms pseudonyms;
  public final RecipientCipher cipher;
  public final RecipientDecryption decryption;
  public final KeyBackup backup;

  public PrivacyFixture(Path dir) {
    this(dir.resolve("keys"), dir.resolve("master-keyset.json"));
  }

  PrivacyFixture(Path keyDirectory, Path masterFile) {
    keys = new KeyFiles(keyDirectory, MasterKey.load(new PrivacySettings(keyDirectory, "", "", masterFile, true, "g")));
    dataKeys = new DataKeys(keys, clock);
    RecipientKeys recipients = new RecipientKeys(keys);
    pseudonyms = new Pseudonyms(keys, clock);
    cipher = new RecipientCipher(dataKeys, recipients);
    decryption = new RecipientDecryption(dataKeys, recipients);
    backup = new KeyBackup(keys, clock);
  }
}
