package nl.wijkhub.delivery;

/**
 * Something wrong with a row or a whole delivery, as the partner will read it.
 *
 * @param line line in the file (1 = header), null for the file as a whole
 * @param field the column, null when the problem is the row or the file
 * @param code stable reason code (see docs/aanleveren.md)
 * @param message Dutch explanation with the fix
 * @param excerpt the offending text, shortened, or null
 */
public record Problem(Long line, String field, String code, String message, String excerpt) {

  /**
   * Short on purpose: receipts and rejections keep excerpts for the excerpt retention, and a name typed in the wrong
   * column must not be quoted whole. Messages quote the partner's text only through {@link #excerpt}.
   */
  private static final int EXCERPT_LENGTH = 40;

  public static Problem ofFile(String code, String message) {
    return new Problem(null, null, code, message, null);
  }

  public static Problem ofField(long line, String field, String code, String message, String written) {
    return new Problem(line, field, code, message, excerpt(written));
  }

  public static String excerpt(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 1) + "…";
  }
}
