package nl.wijkhub.privacy;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Trace and span ids in the Logboek Dataverwerkingen (W3C trace context) form: 16 and 8 random bytes, hex. */
public final class TraceIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TraceIds() {}

  public static String newTraceId() {
    return random(16);
  }

  public static String newSpanId() {
    return random(8);
  }

  private static String random(int bytes) {
    byte[] id = new byte[bytes];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
