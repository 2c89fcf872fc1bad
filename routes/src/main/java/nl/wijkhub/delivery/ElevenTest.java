package nl.wijkhub.delivery;

/**
 * The citizen service number's "elfproef": nine digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 and
 * not 0.
 */
public final class ElevenTest {

  private ElevenTest() {}

  public static boolean passes(String nineDigits) {
    if (nineDigits.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = nineDigits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (i < 8 ? 9 - i : -1) * (c - '0');
    }
    return sum != 0 && sum % 11 == 0;
  }
}
