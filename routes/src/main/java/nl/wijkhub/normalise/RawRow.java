package nl.wijkhub.normalise;

/**
 * One row as read, before validation: the five fields as text. {@code extraFields} is positive when the row had
 * more cells than the header and negative when it had fewer.
 *
 * @param exactValue true when {@code waarde} came as a JSON number, so its decimal point is never a thousands sign
 */
public record RawRow(
    long line,
    String indicator,
    String wijk,
    String periode,
    String waarde,
    boolean exactValue,
    String toelichting,
    int extraFields) {

  public boolean isBlank() {
    return isEmpty(indicator) && isEmpty(wijk) && isEmpty(periode) && isEmpty(waarde) && isEmpty(toelichting);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isBlank();
  }
}
