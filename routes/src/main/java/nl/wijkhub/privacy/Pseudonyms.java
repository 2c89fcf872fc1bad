package nl.wijkhub.privacy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Per-covenant pseudonyms of a BSN: HMAC-SHA256 (Tink PRF) under a key of that covenant, so that the same person
 * gets unrelated pseudonyms under two covenants and nobody without the key can go from pseudonym to BSN.
 *
 * <p>Rotation. Each key version is a keyset of its own, named {@code pseudonym/<covenant>/<activation epoch
 * second>}; a new version takes over from its activation. A version stays <em>live</em> until its successor has
 * been active for a whole match window, and a signal carries a pseudonym under every live version. So two signals
 * about one person inside one window always share a pseudonym, across a rotation too: the later one carries the old
 * version's pseudonym as long as the earlier one can still be in its window.
 *
 * <p>Retention. A version is kept (for the privacy officer's look-up from a BSN: {@link #forLookup}) until the
 * processing log holds no record made while it was live: {@link #deleteVersionsUnusedSince}.
 */
public final class Pseudonyms {

  private static final String PREFIX = "pseudonym/";
  private static final int LENGTH = 32;

  private final KeyFiles keys;
  private final Clock clock;
  private final Primitives<PrfSet> prfs = new Primitives<>(
      keyset -> keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class));

  Pseudonyms(KeyFiles keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The pseudonyms of {@code bsn} under every live version, newest first, as {@code v<version>:<value>}. */
  public List<String> forMatching(String covenant, Period matchWindow, String bsn) {
    List<Long> versions = versionsCreatingFirst(covenant);
    Instant windowStart = clock.instant().atOffset(ZoneOffset.UTC).minus(matchWindow).toInstant();
    List<String> pseudonyms = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      boolean newest = i == versions.size() - 1;
      if (newest || Instant.ofEpochSecond(versions.get(i + 1)).isAfter(windowStart)) {
        pseudonyms.add(compute(covenant, versions.get(i), bsn));
      }
    }
    return pseudonyms;
  }

  /** The pseudonyms of {@code bsn} under every version still kept: what the processing log may hold for it. */
  public List<String> forLookup(String covenant, String bsn) {
    return versions(covenant).stream().map(v -> compute(covenant, v, bsn)).toList();
  }

  /**
   * Adds a version that takes over now; the previous one stays live for one match window. Synchronized with the
   * first version's creation: signals are pseudonymised in many threads at once, and two versions made in one second
   * would share a name, the second overwriting the key the first one's pseudonyms were made with.
   */
  public synchronized long rotate(String covenant) {
    long version = Math.max(clock.instant().getEpochSecond(),
        versions(covenant).stream().mapToLong(Long::longValue).max().orElse(0) + 1);
    keys.write(name(covenant, version), generate());
    return version;
  }

  /**
   * Destroys the versions whose successor took over before {@code oldestLogRecord}: no record in the log can carry
   * a pseudonym made with them. The newest version is never destroyed.
   */
  public List<Long> deleteVersionsUnusedSince(String covenant, Instant oldestLogRecord) {
    List<Long> versions = versions(covenant);
    List<Long> deleted = new ArrayList<>();
    for (int i = 0; i < versions.size() - 1; i++) {
      if (Instant.ofEpochSecond(versions.get(i + 1)).isBefore(oldestLogRecord)) {
        keys.destroy(name(covenant, versions.get(i)), clock.instant());
        prfs.forget(name(covenant, versions.get(i)));
        deleted.add(versions.get(i));
      }
    }
    return deleted;
  }

  /** Without a lock once the covenant has a version: every signal asks, in many threads at once. */
  private List<Long> versionsCreatingFirst(String covenant) {
    List<Long> versions = versions(covenant);
    return versions.isEmpty() ? firstVersion(covenant) : versions;
  }

  private synchronized List<Long> firstVersion(String covenant) {
    if (versions(covenant).isEmpty()) {
      rotate(covenant);
    }
    return versions(covenant);
  }

  private List<Long> versions(String covenant) {
    String prefix = PREFIX + covenant + "/";
    return keys.namesUnder(PREFIX + covenant).stream()
        .map(n -> Long.parseLong(n.substring(prefix.length()))).sorted().toList();
  }

  private String compute(String covenant, long version, String bsn) {
    String name = name(covenant, version);
    KeysetHandle keyset = keys.read(name)
        .orElseThrow(() -> new KeyUnavailable("Pseudonym key " + name + " is gone"));
    try {
      PrfSet prf = prfs.of(name, keyset);
      if (keys.isDestroyed(name)) {
        // Destroyed while it was being read: not kept in memory.
        prfs.forget(name);
        throw new KeyUnavailable("Pseudonym key " + name + " is gone");
      }
      byte[] value = prf.computePrimary(bsn.getBytes(StandardCharsets.US_ASCII), LENGTH);
      return "v" + version + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Pseudonym key " + name(covenant, version) + " cannot compute", e);
    }
  }

  private static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Cannot generate a pseudonym key", e);
    }
  }

  private static String name(String covenant, long version) {
    return PREFIX + covenant + "/" + version;
  }
}
