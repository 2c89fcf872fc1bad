package nl.wijkhub.privacy;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;
import java.security.Security;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Tink primitives the hub uses, once per JVM, and gives Tink Conscrypt's native code where it has a
 * library for the platform. Tink's HPKE takes X25519 from an installed provider named Conscrypt and otherwise runs
 * its own pure-Java Curve25519, which costs milliseconds and 1.7 MB of garbage per seal and open: at 50 signals a
 * second that was a quarter of the hub's CPU ({@code ./wijkhub bench --signals --jfr}).
 *
 * <p>Conscrypt is added last, so that every other lookup by algorithm name (TLS included) still gets the JDK's own
 * providers; only code that asks for it by name, as Tink does, uses it.
 */
final class TinkSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TinkSetup.class);

  static {
    installConscrypt();
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

  /** Whether Tink finds Conscrypt, by the provider name it looks for. */
  static boolean usesConscrypt() {
    return Security.getProvider("Conscrypt") != null;
  }

  private static void installConscrypt() {
    if (usesConscrypt()) {
      return;
    }
    if (Conscrypt.isAvailable()) {
      Security.addProvider(Conscrypt.newProvider());
      LOG.info("Tink seals with Conscrypt's native X25519");
    } else {
      LOG.warn("Conscrypt has no native library for {} {}: Tink seals with its pure-Java X25519, which limits how"
          + " many signals a second the hub takes", System.getProperty("os.name"), System.getProperty("os.arch"));
    }
  }
}
