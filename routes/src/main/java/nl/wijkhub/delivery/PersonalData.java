package nl.wijkhub.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkhub.events.SubmissionReceipt;

/**
 * Personal data where none may be: a column such as {@code bsn}, or a number that passes the BSN 11-test, in a
 * count delivery or an e-mail. Such a delivery is refused as a whole with {@link #CODE}, its receipt quotes nothing,
 * and the channel deletes it instead of archiving or quarantining it (signals belong on the covenant's channels).
 */
public final class PersonalData {

  public static final String CODE = "PERSOONSGEGEVENS";
  /**
   * Nine digits standing alone, optionally grouped with single dots or spaces as systems print a BSN
   * ({@code 1234.56.782}, {@code 123 45 6782}); a full stop after it ends a sentence, not the number.
   */
  private static final Pattern NINE_DIGITS = Pattern.compile("(?<![\\d.])\\d(?:[. ]?\\d){8}(?!\\d|\\.\\d)");

  private PersonalData() {}

  /** The refusal, pointing at the line (and column) where it was seen; the value itself is never named. */
  public static Problem refusal(Long line, String field) {
    return new Problem(line, field, CODE, "Dit bestand lijkt gegevens over personen te bevatten (een kolom zoals"
        + " bsn, of een burgerservicenummer). Zulke gegevens horen niet bij tellingen en nooit in een e-mail: lever"
        + " signalen over personen alleen aan via de API of de map signalen/ (zie docs/signalen-aanleveren.md)."
        + " Het bestand is niet verwerkt en is verwijderd.", null);
  }

  /** True when the text holds a number that passes the BSN 11-test. */
  public static boolean holdsBsn(String text) {
    if (text == null || text.length() < 9 || digits(text) < 9) {
      return false;
    }
    Matcher m = NINE_DIGITS.matcher(text);
    while (m.find()) {
      if (ElevenTest.passes(m.group().replace(".", "").replace(" ", ""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Digits in the text, up to nine: a text with fewer holds no BSN, and the count costs far less than the pattern,
   * which would otherwise run on every text cell of every row (a tenth of a large delivery's ingest time).
   */
  private static int digits(String text) {
    int count = 0;
    for (int i = 0; i < text.length() && count < 9; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    return count;
  }

  /** True when the receipt refused the delivery for personal data: the channel deletes it. */
  public static boolean refused(SubmissionReceipt receipt) {
    return receipt.getErrors().stream().anyMatch(e -> CODE.equals(e.getCode()));
  }
}
