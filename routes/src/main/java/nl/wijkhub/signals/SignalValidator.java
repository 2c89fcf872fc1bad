package nl.wijkhub.signals;

import static nl.wijkhub.signals.SignalColumns.ACTIE;
import static nl.wijkhub.signals.SignalColumns.ADRES;
import static nl.wijkhub.signals.SignalColumns.BSN;
import static nl.wijkhub.signals.SignalColumns.CONTACT;
import static nl.wijkhub.signals.SignalColumns.DATUM;
import static nl.wijkhub.signals.SignalColumns.GEBOORTEDATUM;
import static nl.wijkhub.signals.SignalColumns.NAAM;
import static nl.wijkhub.signals.SignalColumns.PROFESSIONAL;
import static nl.wijkhub.signals.SignalColumns.SIGNAAL;
import static nl.wijkhub.signals.SignalColumns.SOORT;
import static nl.wijkhub.signals.SignalColumns.TOELICHTING;
import static nl.wijkhub.signals.SignalColumns.URGENTIE;
import static nl.wijkhub.signals.SignalColumns.WIJK;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.wijkhub.delivery.Column;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.RawRow;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.Signal;
import nl.wijkhub.events.SignalType;
import nl.wijkhub.events.Urgency;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceData.WijkMatch;

/**
 * Checks one row of a signal delivery and turns it into a {@link Signal}. Every problem is named by line, column and
 * code, and no message ever quotes what the partner wrote: a receipt for signals must not carry personal data.
 */
final class SignalValidator {

  static final int MAX_NOTE_LENGTH = 500;
  static final int MAX_TEXT_LENGTH = 200;
  private static final int MAX_AGE_YEARS = 120;
  private static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

  private final ReferenceData reference;
  private final Clock clock;

  SignalValidator(ReferenceData reference, Clock clock) {
    this.reference = reference;
    this.clock = clock;
  }

  /** The signal, or null when the row has problems (added to {@code problems}). */
  ValidatedSignal validate(RawRow row, Delivery delivery, Partner partner, List<Problem> problems) {
    long line = row.line();
    if (row.extraFields() != 0) {
      problems.add(problem(line, null, row.extraFields() > 0 ? "TE_VEEL_KOLOMMEN" : "TE_WEINIG_KOLOMMEN",
          "Deze regel heeft " + (row.extraFields() > 0 ? "meer" : "minder") + " kolommen dan de kopregel. Staat er"
              + " een scheidingsteken (; of ,) in een tekst? Zet die tekst dan tussen aanhalingstekens."));
      return null;
    }
    int before = problems.size();
    // Partners date signals in Dutch time: just after midnight, today is already tomorrow in UTC terms.
    LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
    RoutedSignalKind action = SignalVocabulary.action(row.text(ACTIE)).orElse(null);
    if (action == null) {
      problems.add(problem(line, ACTIE, "ACTIE_ONGELDIG", "Laat de actie leeg voor een nieuw signaal, of schrijf"
          + " correctie of intrekking."));
    }
    String signalId = signalId(row, action, problems);
    SignalType type = type(row, problems);
    String bsn = Bsn.normalise(row.text(BSN));
    boolean placeSignal = type == SignalType.OVERLAST_OP_ADRES;
    if (isEmpty(row.text(BSN))) {
      if (!placeSignal && type != null) {
        problems.add(problem(line, BSN, "BSN_ONTBREEKT", "Het BSN ontbreekt. Een signaal over een persoon heeft het"
            + " BSN van die persoon nodig."));
      }
    } else if (bsn == null) {
      problems.add(problem(line, BSN, "BSN_ONGELDIG", "Het BSN is geen geldig burgerservicenummer: het moet uit 9"
          + " cijfers bestaan en de elfproef doorstaan. Controleer het nummer; een tikfout wijst mogelijk een"
          + " ander persoon aan."));
    }
    String name = text(row, NAAM, problems);
    if (isEmpty(row.text(NAAM)) && !placeSignal && type != null) {
      problems.add(problem(line, NAAM, "NAAM_ONTBREEKT", "De naam ontbreekt. Vul de naam van de persoon in."));
    }
    LocalDate birth = birthDate(row, today, problems);
    String address = text(row, ADRES, problems);
    if (isEmpty(row.text(ADRES)) && placeSignal) {
      problems.add(problem(line, ADRES, "ADRES_ONTBREEKT", "Het adres ontbreekt. Een signaal over overlast op een"
          + " adres heeft het adres (straat, huisnummer, postcode) nodig."));
    }
    String wijk = wijk(row, partner, problems);
    LocalDate date = signalDate(row, today, problems);
    String professional = required(row, PROFESSIONAL, "PROFESSIONAL_ONTBREEKT", "Vul de naam in van de"
        + " professional die het signaal geeft, zodat het MultiTeam kan terugvragen.", problems);
    String contact = required(row, CONTACT, "CONTACT_ONTBREEKT", "Vul een telefoonnummer of e-mailadres in van de"
        + " professional die het signaal geeft.", problems);
    Urgency urgency = SignalVocabulary.urgency(row.text(URGENTIE)).orElse(null);
    if (urgency == null) {
      problems.add(problem(line, URGENTIE, "URGENTIE_ONGELDIG", "Schrijf bij urgentie normaal of hoog, of laat"
          + " het leeg (normaal)."));
    }
    String note = note(row, problems);
    if (problems.size() > before) {
      return null;
    }
    Signal signal = Signal.newBuilder()
        .setSignalId(signalId)
        .setSupplier(partner.id())
        .setType(type)
        .setBsn(bsn)
        .setName(name)
        .setDateOfBirth(birth)
        .setAddress(address)
        .setWijk(wijk)
        .setSignalDate(date)
        .setProfessionalName(professional)
        .setProfessionalContact(contact)
        .setUrgency(urgency)
        .setNote(note)
        .setReceivedAt(delivery.receivedAt())
        .build();
    return new ValidatedSignal(signal, action);
  }

  private static String signalId(RawRow row, RoutedSignalKind action, List<Problem> problems) {
    String written = row.text(SIGNAAL) == null ? "" : row.text(SIGNAAL).strip();
    if (action == null || action == RoutedSignalKind.NIEUW) {
      if (!written.isEmpty()) {
        problems.add(problem(row.line(), SIGNAAL, "SIGNAAL_BIJ_NIEUW", "Een nieuw signaal heeft nog geen kenmerk:"
            + " laat de kolom signaal leeg, of schrijf bij actie correctie of intrekking."));
      }
      return UUID.randomUUID().toString();
    }
    try {
      return UUID.fromString(written).toString();
    } catch (IllegalArgumentException e) {
      problems.add(problem(row.line(), SIGNAAL, written.isEmpty() ? "SIGNAAL_ONTBREEKT" : "SIGNAAL_ONGELDIG",
          "Bij een correctie of intrekking hoort het kenmerk van het eerdere signaal, zoals het op het"
              + " ontvangstbewijs staat."));
      return null;
    }
  }

  private static SignalType type(RawRow row, List<Problem> problems) {
    if (isEmpty(row.text(SOORT))) {
      problems.add(problem(row.line(), SOORT, "SOORT_ONTBREEKT", "De soort signaal ontbreekt. Kies uit: "
          + SignalVocabulary.types() + "."));
      return null;
    }
    SignalType type = SignalVocabulary.type(row.text(SOORT)).orElse(null);
    if (type == null) {
      problems.add(problem(row.line(), SOORT, "SOORT_ONBEKEND", "Deze soort signaal is onbekend. Kies uit: "
          + SignalVocabulary.types() + "."));
    }
    return type;
  }

  private LocalDate birthDate(RawRow row, LocalDate today, List<Problem> problems) {
    if (isEmpty(row.text(GEBOORTEDATUM))) {
      return null;
    }
    LocalDate birth = SignalDates.parse(row.text(GEBOORTEDATUM));
    if (birth == null || birth.isAfter(today) || birth.isBefore(today.minusYears(MAX_AGE_YEARS))) {
      problems.add(problem(row.line(), GEBOORTEDATUM, "GEBOORTEDATUM_ONGELDIG", "De geboortedatum is geen geldige"
          + " datum, ligt in de toekomst of meer dan " + MAX_AGE_YEARS + " jaar terug. Schrijf de datum als"
          + " 2012-03-31 of 31-03-2012."));
      return null;
    }
    return birth;
  }

  private LocalDate signalDate(RawRow row, LocalDate today, List<Problem> problems) {
    if (isEmpty(row.text(DATUM))) {
      problems.add(problem(row.line(), DATUM, "DATUM_ONTBREEKT", "De datum van het signaal ontbreekt. Schrijf de"
          + " datum als 2026-11-30 of 30-11-2026."));
      return null;
    }
    LocalDate date = SignalDates.parse(row.text(DATUM));
    if (date == null) {
      problems.add(problem(row.line(), DATUM, "DATUM_ONGELDIG", "De datum van het signaal is geen geldige datum."
          + " Schrijf de datum als 2026-11-30 of 30-11-2026."));
    } else if (date.isAfter(today)) {
      problems.add(problem(row.line(), DATUM, "DATUM_IN_TOEKOMST", "De datum van het signaal ligt in de toekomst."
          + " Schrijf de datum waarop de zorg werd opgemerkt."));
      return null;
    }
    return date;
  }

  private String wijk(RawRow row, Partner partner, List<Problem> problems) {
    if (isEmpty(row.text(WIJK))) {
      problems.add(problem(row.line(), WIJK, "WIJK_ONTBREEKT", "De wijk ontbreekt. Vul de naam of code van de wijk"
          + " in."));
      return null;
    }
    WijkMatch match = reference.wijk(partner.programme(), row.text(WIJK).strip());
    if (match instanceof WijkMatch.Found found && partner.worksIn(found.code())) {
      return found.code();
    }
    problems.add(problem(row.line(), WIJK, match instanceof WijkMatch.Found ? "WIJK_NIET_IN_WERKGEBIED"
        : "WIJK_ONBEKEND", "De wijk is onbekend of valt buiten het werkgebied van " + partner.name()
        + ". De wijken staan in docs/aanleveren.md."));
    return null;
  }

  private static String note(RawRow row, List<Problem> problems) {
    String note = row.text(TOELICHTING) == null ? "" : row.text(TOELICHTING).strip();
    if (note.length() > MAX_NOTE_LENGTH) {
      problems.add(problem(row.line(), TOELICHTING, "TOELICHTING_TE_LANG", "De toelichting is " + note.length()
          + " tekens lang; het maximum is " + MAX_NOTE_LENGTH + ". Beschrijf kort de feiten, geen diagnoses."));
      return null;
    }
    return note.isEmpty() ? null : note;
  }

  private static String required(RawRow row, Column column, String code, String message, List<Problem> problems) {
    String value = text(row, column, problems);
    if (isEmpty(row.text(column))) {
      problems.add(problem(row.line(), column, code, message));
    }
    return value;
  }

  /** The stripped text, or null when empty or over {@link #MAX_TEXT_LENGTH} (then a problem is added). */
  private static String text(RawRow row, Column column, List<Problem> problems) {
    if (tooLong(row, column)) {
      problems.add(problem(row.line(), column, "TEKST_TE_LANG", "De tekst in de kolom " + column.header() + " is"
          + " langer dan " + MAX_TEXT_LENGTH + " tekens."));
      return null;
    }
    return isEmpty(row.text(column)) ? null : row.text(column).strip();
  }

  private static boolean tooLong(RawRow row, Column column) {
    // Checked on the stripped text: spaces a spreadsheet pads with are no reason to refuse.
    return row.text(column) != null && row.text(column).strip().length() > MAX_TEXT_LENGTH;
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isBlank();
  }

  /** A problem that never quotes the partner's text. */
  private static Problem problem(long line, Column column, String code, String message) {
    return new Problem(line, column == null ? null : column.header(), code, message, null);
  }
}
