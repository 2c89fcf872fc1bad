package nl.wijkhub.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * One AES-256-GCM data key per covenant and month, created when the first signal of that month is sealed and stored
 * wrapped by the master key. Destroying it (crypto-shredding) makes everything sealed with it unreadable: this is
 * how the retention work deletes a period from the topic, the store and every backup at once.
 */
public final class DataKeys {

  private final KeyFiles keys;
  private final Clock clock;
  private final Primitives<Aead> aeads = new Primitives<>(
      keyset -> keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));

  DataKeys(KeyFiles keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The data key to seal with; created on first use; refused once destroyed. */
  Aead forSealing(String covenant, YearMonth period) {
    String name = name(covenant, period);
    return notDestroyed(name, primitive(name, keys.read(name).orElseGet(() -> created(name))));
  }

  /** Locked, and read again inside the lock, so that two first signals of a month never make two keys. */
  private synchronized KeysetHandle created(String name) {
    return keys.read(name).orElseGet(() -> {
      KeysetHandle created = generate();
      keys.write(name, created);
      return created;
    });
  }

  /** The data key to open with; never created here. */
  Aead forOpening(String covenant, YearMonth period) {
    String name = name(covenant, period);
    if (keys.isDestroyed(name)) {
      throw destroyed(name);
    }
    return notDestroyed(name, primitive(name, keys.read(name).orElseThrow(() -> new KeyUnavailable("Data key " + name
        + " does not exist"))));
  }

  /**
   * {@code aead}, unless its key was destroyed while it was being read: keys are read without a lock, and a
   * destruction records itself before it deletes the file.
   */
  private Aead notDestroyed(String name, Aead aead) {
    if (keys.isDestroyed(name)) {
      aeads.forget(name);
      throw destroyed(name);
    }
    return aead;
  }

  private static KeyUnavailable destroyed(String name) {
    return new KeyUnavailable("Data key " + name + " was destroyed: its signals are past retention");
  }

  /** Crypto-shreds a period: afterwards nothing sealed under it can be opened, and it is never created again. */
  public void destroy(String covenant, YearMonth period) {
    String name = name(covenant, period);
    keys.destroy(name, clock.instant());
    aeads.forget(name);
  }

  public boolean isDestroyed(String covenant, YearMonth period) {
    return keys.isDestroyed(name(covenant, period));
  }

  /**
   * The periods of {@code covenant} whose data key file still exists, oldest first: what retention may still shred
   * (a destruction that was recorded but crashed before the file went is among them, so that it gets finished).
   */
  public List<YearMonth> keptPeriods(String covenant) {
    String prefix = "data/" + covenant + "/";
    return keys.names().stream().filter(n -> n.startsWith(prefix))
        .map(n -> YearMonth.parse(n.substring(prefix.length()))).sorted().toList();
  }

  static String name(String covenant, YearMonth period) {
    return "data/" + covenant + "/" + period;
  }

  private Aead primitive(String name, KeysetHandle keyset) {
    try {
      return aeads.of(name, keyset);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Data key " + name + " cannot be used", e);
    }
  }

  private static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Cannot generate a data key", e);
    }
  }
}
