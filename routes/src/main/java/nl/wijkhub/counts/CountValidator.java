package nl.wijkhub.counts;

import static nl.wijkhub.counts.CountColumns.INDICATOR;
import static nl.wijkhub.counts.CountColumns.PERIODE;
import static nl.wijkhub.counts.CountColumns.TOELICHTING;
import static nl.wijkhub.counts.CountColumns.WAARDE;
import static nl.wijkhub.counts.CountColumns.WIJK;

import java.util.List;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.RawRow;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceData.WijkMatch;

/**
 * Checks one row of a partner's delivery against the reference data and turns it into an observation. Every problem
 * of the row is reported, not just the first, so the partner can fix the row in one go. A figure for the whole
 * programme (see {@link WholeProgramme}) gets the wijk {@link Partner#ALL_WIJKEN}; any partner of the programme may
 * deliver one, since its own working area is part of the programme.
 */
final class CountValidator {

  static final int MAX_NOTE_LENGTH = 500;

  private final ReferenceData reference;

  CountValidator(ReferenceData reference) {
    this.reference = reference;
  }

  /** The observation, or null when the row has problems (added to {@code problems}). */
  IndicatorObservation validate(RawRow row, Delivery delivery, Partner partner, List<Problem> problems) {
    long line = row.line();
    if (row.extraFields() > 0) {
      problems.add(Problem.ofField(line, null, "TE_VEEL_KOLOMMEN", "Deze regel heeft " + row.extraFields()
          + " kolom(men) meer dan de kopregel. Staat er een scheidingsteken (; of ,) in een tekst? Zet die tekst"
          + " dan tussen aanhalingstekens.", null));
      return null;
    }
    if (row.extraFields() < 0) {
      problems.add(Problem.ofField(line, null, "TE_WEINIG_KOLOMMEN", "Deze regel heeft minder kolommen dan de"
          + " kopregel. Vul indicator, wijk, periode en waarde in.", null));
      return null;
    }
    int before = problems.size();
    String indicator = indicator(row, partner, problems);
    String wijk = wijk(row, partner, problems);
    String period = period(row, problems);
    ValueParser.Parsed value = ValueParser.parse(row.text(WAARDE), row.number(WAARDE));
    if (!value.ok()) {
      problems.add(Problem.ofField(line, "waarde", value.code(), value.message(), row.text(WAARDE)));
    }
    String note = note(row, problems);
    if (problems.size() > before) {
      return null;
    }
    return IndicatorObservation.newBuilder()
        .setProgramme(partner.programme())
        .setIndicator(indicator)
        .setWijk(wijk)
        .setPeriod(period)
        .setValue(value.value())
        .setWithheld(value.withheld())
        .setNote(note)
        .setPartner(partner.id())
        .setSubmissionId(delivery.submissionId())
        .setLine(line)
        .setRevision(delivery.receivedAt().toEpochMilli())
        .setReceivedAt(delivery.receivedAt())
        .build();
  }

  private String indicator(RawRow row, Partner partner, List<Problem> problems) {
    String code = row.text(INDICATOR) == null ? "" : row.text(INDICATOR).strip().toLowerCase(java.util.Locale.ROOT);
    if (code.isEmpty()) {
      problems.add(Problem.ofField(row.line(), "indicator", "INDICATOR_ONTBREEKT",
          "De indicator ontbreekt. Vul de code van de indicator in (zie de lijst in docs/aanleveren.md).", null));
      return null;
    }
    Indicator indicator = reference.indicator(partner.programme(), code).orElse(null);
    if (indicator == null) {
      boolean elsewhere = reference.isIndicatorAnywhere(code);
      problems.add(Problem.ofField(row.line(), "indicator", elsewhere ? "INDICATOR_NIET_TOEGESTAAN"
              : "INDICATOR_ONBEKEND", elsewhere
              ? "De indicator '" + Problem.excerpt(code) + "' hoort niet bij programma " + partner.programme() + "."
              : "De indicator '" + Problem.excerpt(code) + "' is onbekend. Controleer de spelling van de code.", code));
      return null;
    }
    if (!indicator.deliverableBy(partner.id())) {
      problems.add(Problem.ofField(row.line(), "indicator", "INDICATOR_NIET_TOEGESTAAN", "De indicator '" + code
          + "' wordt niet door " + partner.name() + " aangeleverd. Neem contact op met het programmabureau als dat"
          + " wel zo zou moeten zijn.", code));
      return null;
    }
    return indicator.code();
  }

  private String wijk(RawRow row, Partner partner, List<Problem> problems) {
    String written = row.text(WIJK) == null ? "" : row.text(WIJK).strip();
    if (written.isEmpty()) {
      problems.add(Problem.ofField(row.line(), "wijk", "WIJK_ONTBREEKT",
          "De wijk ontbreekt. Vul de naam of code van de wijk in.", null));
      return null;
    }
    if (WholeProgramme.isMeant(written)) {
      // A partner that works in a few wijken cannot know the programme's figure: its number would replace the sum of
      // every other partner's wijken.
      if (partner.worksIn(Partner.ALL_WIJKEN)) {
        return Partner.ALL_WIJKEN;
      }
      problems.add(Problem.ofField(row.line(), "wijk", "HEEL_PROGRAMMA_NIET_IN_WERKGEBIED", "Een cijfer voor het hele"
          + " programma kan alleen komen van een partner die in het hele programma werkt; " + partner.name()
          + " werkt in " + String.join(", ", partner.wijken()) + ". Lever het cijfer per wijk aan.", written));
      return null;
    }
    WijkMatch match = reference.wijk(partner.programme(), written);
    if (match instanceof WijkMatch.Found found) {
      if (partner.worksIn(found.code())) {
        return found.code();
      }
      problems.add(Problem.ofField(row.line(), "wijk", "WIJK_NIET_IN_WERKGEBIED", "De wijk '"
          + Problem.excerpt(written) + "' valt buiten het werkgebied van " + partner.name() + " ("
          + String.join(", ", partner.wijken()) + ").", written));
    } else if (match instanceof WijkMatch.OtherProgramme other) {
      problems.add(Problem.ofField(row.line(), "wijk", "WIJK_NIET_IN_PROGRAMMA", "De wijk '"
          + Problem.excerpt(written) + "' hoort bij programma " + other.programme() + ", niet bij "
          + partner.programme() + ".", written));
    } else {
      problems.add(Problem.ofField(row.line(), "wijk", "WIJK_ONBEKEND", "De wijk '" + Problem.excerpt(written)
          + "' is onbekend. Controleer de spelling; de wijken staan in docs/aanleveren.md.", written));
    }
    return null;
  }

  private static String period(RawRow row, List<Problem> problems) {
    String written = row.text(PERIODE) == null ? "" : row.text(PERIODE).strip();
    if (written.isEmpty()) {
      problems.add(Problem.ofField(row.line(), "periode", "PERIODE_ONTBREEKT",
          "De periode ontbreekt. Schrijf een jaar (2024), kwartaal (2024-Q3) of maand (2024-09).", null));
      return null;
    }
    String period = PeriodParser.parse(written);
    if (period == null) {
      problems.add(Problem.ofField(row.line(), "periode", "PERIODE_ONGELDIG", "De periode '"
          + Problem.excerpt(written) + "' is ongeldig. Schrijf een jaar (2024), kwartaal (2024-Q3) of maand"
          + " (2024-09).", written));
    }
    return period;
  }

  private static String note(RawRow row, List<Problem> problems) {
    String note = row.text(TOELICHTING) == null ? "" : row.text(TOELICHTING).strip();
    if (note.length() > MAX_NOTE_LENGTH) {
      problems.add(Problem.ofField(row.line(), "toelichting", "TOELICHTING_TE_LANG", "De toelichting is "
          + note.length() + " tekens lang; het maximum is " + MAX_NOTE_LENGTH + ".", note));
    }
    return note.isEmpty() ? null : note;
  }
}
