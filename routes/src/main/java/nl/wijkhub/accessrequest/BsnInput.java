package nl.wijkhub.accessrequest;

import java.util.Optional;
import nl.wijkhub.delivery.ElevenTest;

/**
 * The BSN the privacy officer typed: nine digits, spaces and dots ignored, that pass the eleven-test. Nothing else is
 * turned into pseudonyms, so a typing error is told at once instead of answered with "nothing found".
 */
final class BsnInput {

  /** The Dutch message for a BSN that is not one; it never repeats what was typed. */
  static final String INVALID = "Vul een geldig BSN in: negen cijfers die de elfproef doorstaan.";

  private BsnInput() {}

  static Optional<String> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = typed.strip().replace(" ", "").replace(".", "");
    return ElevenTest.passes(digits) ? Optional.of(digits) : Optional.empty();
  }
}
