package nl.wijkhub.privacy;

import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tink primitives of the keysets {@link KeyFiles} hands out, each made once per keyset and shared by every thread
 * (Tink primitives are thread-safe). Making one looks up the key manager and the cipher every time, which at a
 * signal's several seals and pseudonyms was a large share of its time. {@link KeyFiles} hands out the same keyset
 * object while its file is unchanged, so a key that was replaced or restored gets a new primitive.
 *
 * @param <P> the primitive, such as {@code Aead}
 */
final class Primitives<P> {

  /** Makes the primitive of a keyset, e.g. {@code keyset.getPrimitive(RegistryConfiguration.get(), Aead.class)}. */
  @FunctionalInterface
  interface Maker<P> {
    P make(KeysetHandle keyset) throws GeneralSecurityException;
  }

  private record Made<P>(KeysetHandle keyset, P primitive) {}

  private final Maker<P> maker;
  private final Map<String, Made<P>> made = new ConcurrentHashMap<>();

  Primitives(Maker<P> maker) {
    this.maker = maker;
  }

  /** The primitive of {@code keyset}, stored as {@code name}. */
  P of(String name, KeysetHandle keyset) throws GeneralSecurityException {
    Made<P> known = made.get(name);
    if (known != null && known.keyset() == keyset) {
      return known.primitive();
    }
    P primitive = maker.make(keyset);
    made.put(name, new Made<>(keyset, primitive));
    return primitive;
  }

  /** Drops the primitive of a destroyed key, so that its key material is not kept in memory. */
  void forget(String name) {
    made.remove(name);
  }
}
