package nl.wijkhub.multiteam;

import java.time.Period;

/**
 * What a covenant version says about matching: its match window and the processing activity a match is logged
 * under.
 */
record MatchTerms(Period matchWindow, String processingActivityUri) {

  /** The terms of a covenant version; the topology asks for every signal, as versions may differ. */
  @FunctionalInterface
  interface Source {
    /** Throws {@link UnknownVersion} when the hub does not hold that covenant version. */
    MatchTerms of(String covenantId, int version);
  }

  /**
   * A routed signal names a covenant version this hub's configuration does not hold (yet): it stops the matcher
   * until the configuration that holds it is deployed (MatchFailures).
   */
  static final class UnknownVersion extends RuntimeException {

    UnknownVersion(String message) {
      super(message);
    }
  }
}
