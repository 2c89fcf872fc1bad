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
    MatchTerms of(String covenantId, int version);
  }
}
