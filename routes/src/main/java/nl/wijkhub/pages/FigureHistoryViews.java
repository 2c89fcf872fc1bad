package nl.wijkhub.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.Revision;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.monitoring.Withdrawals;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.report.CellText;

/** Builds the history page of an indicator from the store's history and the deliveries' receipts. */
final class FigureHistoryViews {

  static final String UNKNOWN_CHANNEL = "onbekend";
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm",
      Locale.forLanguageTag("nl"));

  private final ObservationStore store;
  private final Withdrawals withdrawals;
  private final ZoneId zone;

  FigureHistoryViews(ObservationStore store, Withdrawals withdrawals, ZoneId zone) {
    this.store = store;
    this.withdrawals = withdrawals;
    this.zone = zone;
  }

  FigureHistory build(Programme programme, Indicator indicator, String message) {
    Set<String> counting = store.current(new ObservationQuery(programme.id(), indicator.code(), null, null, null))
        .stream().map(o -> o.submissionId() + '|' + o.wijk() + '|' + o.period() + '|' + o.line())
        .collect(Collectors.toSet());
    Map<String, List<FigureHistory.Line>> byFigure = new LinkedHashMap<>();
    Map<String, String[]> keys = new LinkedHashMap<>();
    for (Revision revision : store.revisions(programme.id(), indicator.code())) {
      StoredObservation o = revision.value();
      String figure = o.wijk() + '|' + o.period();
      keys.putIfAbsent(figure, new String[] {wijkName(programme, o.wijk()), o.period()});
      String state = revision.withdrawn() ? "ingetrokken op " + moment(revision.withdrawnAt())
          : counting.contains(o.submissionId() + '|' + figure + '|' + o.line()) ? "telt" : "vervangen";
      byFigure.computeIfAbsent(figure, k -> new ArrayList<>()).add(new FigureHistory.Line(o.submissionId(),
          moment(o.receivedAt()), channel(o.submissionId()), o.partner(),
          o.withheld() ? "<5" : CellText.number(o.value()), o.note() == null ? "" : o.note(), state,
          !revision.withdrawn()));
    }
    List<FigureHistory.Figure> figures = new ArrayList<>();
    byFigure.forEach((figure, lines) -> figures.add(new FigureHistory.Figure(keys.get(figure)[0],
        keys.get(figure)[1], List.copyOf(lines))));
    return new FigureHistory(programme.id(), programme.name(), indicator.code(), indicator.name(),
        List.copyOf(figures), message);
  }

  private String channel(String submissionId) {
    return withdrawals.delivery(submissionId).map(SubmissionReceipt::getChannel).orElse(UNKNOWN_CHANNEL);
  }

  private String moment(Instant at) {
    return MOMENT.format(at.atZone(zone));
  }

  private static String wijkName(Programme programme, String code) {
    return code.equals(Partner.ALL_WIJKEN) ? "heel programma" : programme.wijken().stream()
        .filter(w -> w.code().equals(code)).map(Programme.Wijk::name).findFirst().orElse(code);
  }
}
