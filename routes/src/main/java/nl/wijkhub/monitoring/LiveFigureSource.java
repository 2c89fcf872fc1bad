package nl.wijkhub.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.wijkhub.connectors.monitoring.FigureKey;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.events.IndicatorObservation;

/**
 * The dashboard's and the report's read model, kept up to date as observations are stored instead of regrouped
 * from the store on every request: a programme's figures are read from the store once, on first use, and from then
 * on every batch the {@link StoreWriter} commits is applied to them with the store's own rule (a partner's value of
 * a key is replaced only by a higher revision, line and submission id), so a replayed or late record changes nothing
 * here either. A withdrawal is not applied here: the store recomputes the partner's value and the programme is read
 * again. Readers get an immutable list, rebuilt only for the programmes a batch touched.
 *
 * <p>Loading and applying take one lock, so a batch committed while a programme is being loaded is applied after
 * the load (applying it twice is harmless). After a rebuild of the store everything is forgotten and read again.
 * This hub sees only the batches its own consumer stores: hubs that share one store must not share its consumer
 * group (each hub's consumer then stores every record, which the store ignores as already there).
 */
final class LiveFigureSource implements FigureSource {

  /** One partner's current value of a key, with what decides whether another value replaces it. */
  private record Current(Count value, long revision, long line, String submissionId) {

    static final Comparator<Current> ORDER = Comparator.comparingLong(Current::revision)
        .thenComparingLong(Current::line).thenComparing(Current::submissionId);
  }

  /** A programme's current values per key and partner, and the figures readers are handed. */
  private static final class Programme {

    final Map<FigureKey, Map<String, Current>> values = new HashMap<>();
    volatile List<Figure> figures = List.of();

    void apply(FigureKey key, String partner, Current value) {
      values.computeIfAbsent(key, k -> new TreeMap<>()).merge(partner, value,
          (held, offered) -> Current.ORDER.compare(offered, held) > 0 ? offered : held);
    }

    void publish() {
      List<Figure> all = new ArrayList<>(values.size());
      values.forEach((key, partners) -> {
        List<PartnerPart> parts = new ArrayList<>(partners.size());
        partners.forEach((partner, current) -> parts.add(new PartnerPart(partner, current.value())));
        all.add(new Figure(key.programme(), key.indicator(), key.wijk(), key.period(), parts));
      });
      figures = List.copyOf(all);
    }
  }

  private final ObservationStore store;
  private final Map<String, Programme> programmes = new ConcurrentHashMap<>();

  LiveFigureSource(ObservationStore store) {
    this.store = store;
  }

  @Override
  public List<Figure> figures(String programme) {
    Programme known = programmes.get(programme);
    return known != null ? known.figures : load(programme).figures;
  }

  /** Applies a batch the store has committed. */
  synchronized void stored(List<IndicatorObservation> batch) {
    Map<String, Programme> touched = new HashMap<>();
    for (IndicatorObservation o : batch) {
      if (o.getWithdraws() != null) {
        continue;
      }
      Programme programme = programmes.get(o.getProgramme());
      if (programme != null) {
        programme.apply(new FigureKey(o.getProgramme(), o.getIndicator(), o.getWijk(), o.getPeriod()),
            o.getPartner(), new Current(count(o.getWithheld(), o.getValue()), o.getRevision(), o.getLine(),
                o.getSubmissionId()));
        touched.put(o.getProgramme(), programme);
      }
    }
    touched.values().forEach(Programme::publish);
  }

  /** Forgets every figure, after the store was emptied and refilled; the next read loads from the store. */
  synchronized void forget() {
    programmes.clear();
  }

  /**
   * Forgets these programmes' figures, after a withdrawal made the store recompute values in them (withdrawals are
   * rare, so reading a programme again is cheaper than keeping every revision here); the next read loads them.
   */
  synchronized void forget(Collection<String> ids) {
    ids.forEach(programmes::remove);
  }

  private synchronized Programme load(String id) {
    Programme known = programmes.get(id);
    if (known != null) {
      return known;
    }
    Programme programme = new Programme();
    for (StoredObservation o : store.current(new ObservationQuery(id, null, null, null, null))) {
      programme.apply(new FigureKey(o.programme(), o.indicator(), o.wijk(), o.period()), o.partner(),
          new Current(count(o.withheld(), o.value()), o.revision(), o.line(), o.submissionId()));
    }
    programme.publish();
    programmes.put(id, programme);
    return programme;
  }

  /** A partner's value as the dashboard counts it: withheld at source ("&lt;5") or exact. */
  static Count count(boolean withheld, double value) {
    return withheld ? Count.withheld() : Count.of(value);
  }
}
