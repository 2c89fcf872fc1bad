package nl.wijkhub.signals;

import nl.wijkhub.delivery.ElevenTest;

/**
 * A citizen service number as partners write it: nine digits that pass the {@link ElevenTest}, dots and spaces
 * ignored; eight digits are read with a leading zero, as spreadsheets drop it.
 */
final class Bsn {

  private Bsn() {}

  /** The nine-digit BSN, or null when the text is none. */
  static String normalise(String written) {
    if (written == null) {
      return null;
    }
    String digits = written.strip().replace(".", "").replace(" ", "");
    if (digits.length() == 8) {
      digits = "0" + digits;
    }
    if (digits.length() != 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return ElevenTest.passes(digits) ? digits : null;
  }
}
