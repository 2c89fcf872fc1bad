package nl.wijkhub.privacy;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;

/** Registers the Tink primitives the hub uses, once per JVM. */
final class TinkSetup {

  static {
    try {
      AeadConfig.register();
      HybridConfig.register();
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TinkSetup() {}

  /** Touching this method runs the static registration. */
  static void ensureRegistered() {
    // The work is done by the class initialiser above.
  }
}
