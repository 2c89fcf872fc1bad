package nl.wijkhub.monitoring;

import java.time.Instant;
import java.util.List;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Current values of the monitoring store, each with its indicator's unit and target. */
@RestController
public class ObservationsController {

  /** One current value as the API returns it. */
  public record ObservationView(String programme, String indicator, String indicatorName, String unit, String wijk,
      String period, double value, String note, String partner, String submissionId, long revision,
      Instant receivedAt, Indicator.Figure target) {}

  private final ObservationStore store;
  private final ReferenceData reference;

  public ObservationsController(ObservationStore store, ReferenceData reference) {
    this.store = store;
    this.reference = reference;
  }

  /** Only what the caller may see: a partner its own figures, programme staff their programme's. */
  @GetMapping("/api/v1/observations")
  public List<ObservationView> current(HubPrincipal caller, @RequestParam(required = false) String programme,
      @RequestParam(required = false) String indicator, @RequestParam(required = false) String wijk,
      @RequestParam(required = false) String periode) {
    return store.current(new ObservationQuery(programme, indicator, wijk, periode)).stream()
        .filter(o -> caller.maySeeFigure(o.programme(), o.partner()))
        .map(this::view).toList();
  }

  private ObservationView view(StoredObservation o) {
    Indicator indicator = reference.indicator(o.programme(), o.indicator()).orElse(null);
    return new ObservationView(o.programme(), o.indicator(), indicator == null ? null : indicator.name(),
        indicator == null ? null : indicator.unit(), o.wijk(), o.period(), o.value(), o.note(), o.partner(),
        o.submissionId(), o.revision(), o.receivedAt(), indicator == null ? null : indicator.target());
  }
}
