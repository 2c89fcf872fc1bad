package nl.wijkhub.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.connectors.monitoring.FigureKey;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource;

/**
 * The dashboard's and the report's read model on the monitoring store: one figure per key, with each partner's
 * current (latest) revision as its part. The store already keeps only the latest revision per partner, so this is
 * a regrouping, not a second aggregation.
 */
final class StoreFigureSource implements FigureSource {

  private final ObservationStore store;

  StoreFigureSource(ObservationStore store) {
    this.store = store;
  }

  @Override
  public List<Figure> figures(String programme) {
    Map<FigureKey, List<PartnerPart>> parts = new LinkedHashMap<>();
    for (StoredObservation o : store.current(new ObservationQuery(programme, null, null, null, null))) {
      parts.computeIfAbsent(new FigureKey(o.programme(), o.indicator(), o.wijk(), o.period()),
          key -> new ArrayList<>()).add(new PartnerPart(o.partner(),
          o.withheld() ? Count.withheld() : Count.of(o.value())));
    }
    return parts.entrySet().stream().map(e -> new Figure(e.getKey().programme(), e.getKey().indicator(),
        e.getKey().wijk(), e.getKey().period(), e.getValue())).toList();
  }
}
