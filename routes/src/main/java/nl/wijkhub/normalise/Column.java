package nl.wijkhub.normalise;

import java.util.Locale;
import java.util.Optional;

/** The columns of a count delivery, named as partners write them in the header. */
public enum Column {
  INDICATOR(true), WIJK(true), PERIODE(true), WAARDE(true), TOELICHTING(false);

  private final boolean required;

  Column(boolean required) {
    this.required = required;
  }

  public boolean required() {
    return required;
  }

  /** The header name partners use, e.g. {@code periode}. */
  public String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Matches a header cell ignoring case and surrounding spaces. */
  public static Optional<Column> ofHeader(String cell) {
    String wanted = cell.strip().toLowerCase(Locale.ROOT);
    for (Column column : values()) {
      if (column.header().equals(wanted)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }
}
