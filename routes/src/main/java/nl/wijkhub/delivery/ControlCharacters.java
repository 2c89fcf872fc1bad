package nl.wijkhub.delivery;

import java.util.List;

/**
 * Refuses a row with a control character (NUL and the other C0 characters except tab and line breaks) in any of its
 * cells, whatever the kind: no partner types one, PostgreSQL refuses NUL in text, and a receipt or dashboard would
 * show it as nothing. The problem names line, column and code but never the character or the text around it.
 */
public final class ControlCharacters {

  public static final String CODE = "ONGELDIG_TEKEN";

  private ControlCharacters() {}

  /** Adds one problem per cell of the row that holds a control character. */
  public static void check(RawRow row, Layout layout, List<Problem> problems) {
    for (Column column : layout.columns()) {
      String text = row.text(column);
      if (text != null && holdsControlCharacter(text)) {
        problems.add(new Problem(row.line(), column.header(), CODE, "In de kolom '" + column.header() + "' staat"
            + " een onzichtbaar stuurteken (zoals NUL), dat in tekst niet mag voorkomen. Haal het weg, bijvoorbeeld"
            + " door de tekst opnieuw te typen, en lever het bestand opnieuw aan.", null));
      }
    }
  }

  static boolean holdsControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }
}
