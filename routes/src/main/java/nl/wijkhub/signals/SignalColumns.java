package nl.wijkhub.signals;

import nl.wijkhub.delivery.Column;
import nl.wijkhub.delivery.Layout;

/**
 * The columns of a signal delivery, as partners write them (docs/sjabloon-signalen.csv). {@code actie} and
 * {@code signaal} let a supplier correct or withdraw a signal it delivered before.
 */
public final class SignalColumns {

  private static final Layout.Builder BUILDER = Layout.builder("signaal", "signalen");
  public static final Column SOORT = BUILDER.required("soort");
  public static final Column BSN = BUILDER.optional("bsn");
  public static final Column NAAM = BUILDER.optional("naam");
  public static final Column GEBOORTEDATUM = BUILDER.optional("geboortedatum");
  public static final Column ADRES = BUILDER.optional("adres");
  public static final Column WIJK = BUILDER.required("wijk");
  public static final Column DATUM = BUILDER.required("datum");
  public static final Column PROFESSIONAL = BUILDER.required("professional");
  public static final Column CONTACT = BUILDER.required("contact");
  public static final Column URGENTIE = BUILDER.optional("urgentie");
  public static final Column TOELICHTING = BUILDER.optional("toelichting");
  public static final Column ACTIE = BUILDER.optional("actie");
  public static final Column SIGNAAL = BUILDER.optional("signaal");
  /** A message about a signal file never quotes its text: that may be a name or a BSN. */
  public static final Layout LAYOUT = BUILDER.quotingNothing().build();

  private SignalColumns() {}
}
