package nl.wijkhub.privacy;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.hybrid.PredefinedHybridParameters;
import java.security.GeneralSecurityException;

/**
 * Each recipient's HPKE key pair (X25519, HKDF-SHA256, AES-128-GCM), created on first use and stored wrapped. The
 * hub seals with the public half; the private half is used only on behalf of the MultiTeam module, through
 * {@link RecipientDecryption}.
 */
final class RecipientKeys {

  private final KeyFiles keys;
  private final Primitives<HybridEncrypt> encrypters = new Primitives<>(keyset -> keyset.getPublicKeysetHandle()
      .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class));
  private final Primitives<HybridDecrypt> decrypters = new Primitives<>(
      keyset -> keyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class));

  RecipientKeys(KeyFiles keys) {
    this.keys = keys;
  }

  HybridEncrypt encrypterFor(String recipient) {
    try {
      return encrypters.of(recipient, privateKeyset(recipient, true));
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Recipient key of " + recipient + " cannot encrypt", e);
    }
  }

  HybridDecrypt decrypterFor(String recipient) {
    try {
      return decrypters.of(recipient, privateKeyset(recipient, false));
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Recipient key of " + recipient + " cannot decrypt", e);
    }
  }

  private KeysetHandle privateKeyset(String recipient, boolean create) {
    String name = "recipient/" + recipient;
    return keys.read(name).orElseGet(() -> {
      if (!create) {
        throw new KeyUnavailable("Recipient " + recipient + " has no key yet");
      }
      return created(recipient, name);
    });
  }

  /** Locked, and read again inside the lock, so that a recipient's first two signals never make two key pairs. */
  private synchronized KeysetHandle created(String recipient, String name) {
    return keys.read(name).orElseGet(() -> {
      try {
        KeysetHandle created = KeysetHandle.generateNew(
            PredefinedHybridParameters.HPKE_X25519_HKDF_SHA256_AES_128_GCM);
        keys.write(name, created);
        return created;
      } catch (GeneralSecurityException e) {
        throw new KeyUnavailable("Cannot generate a key for recipient " + recipient, e);
      }
    });
  }
}
