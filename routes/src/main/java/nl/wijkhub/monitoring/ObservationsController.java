package nl.wijkhub.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import nl.wijkhub.connectors.monitoring.Figure;
import nl.wijkhub.connectors.monitoring.FigureKey;
import nl.wijkhub.connectors.monitoring.FigurePage;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import nl.wijkhub.security.HubPrincipal;
import nl.wijkhub.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of the monitoring store, each the sum over the partners that delivered it, with what each partner
 * delivered and the indicator's unit and target; paged by an opaque cursor in key order.
 */
@RestController
public class ObservationsController {

  /**
   * One figure as the API returns it.
   *
   * @param value the sum of the exactly known values
   * @param withheldParts how many partners withheld their value at source ("&lt;5"); each adds 1 to 4 to value
   */
  public record FigureView(String programme, String indicator, String indicatorName, String unit, String wijk,
      String period, double value, int withheldParts, List<PartnerValue> partners, Indicator.Figure target) {}

  /** What one partner delivered: its latest revision for the figure's key; withheld at source when so flagged. */
  public record PartnerValue(String partner, double value, boolean withheld, String note, String submissionId,
      long revision, Instant receivedAt) {}

  /** A page of figures; {@code next} is the cursor of the following page, null on the last one. */
  public record Page(List<FigureView> observations, String next) {}

  private static final String SEPARATOR = "\u001f";
  private static final int DEFAULT_LIMIT = 100;

  private final ObservationStore store;
  private final ReferenceData reference;
  private final MonitoringSettings settings;

  public ObservationsController(ObservationStore store, ReferenceData reference, MonitoringSettings settings) {
    this.store = store;
    this.reference = reference;
    this.settings = settings;
  }

  /** Only what the caller may see: a partner its own figures, programme staff their programme's. */
  @GetMapping("/api/v1/observations")
  public Page figures(HubPrincipal caller, @RequestParam(required = false) String programme,
      @RequestParam(required = false) String indicator, @RequestParam(required = false) String wijk,
      @RequestParam(required = false) String periode, @RequestParam(required = false) String partner,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    int size = limit == null ? Math.min(DEFAULT_LIMIT, settings.pageLimit()) : limit;
    if (size < 1 || size > settings.pageLimit()) {
      throw new Refused("LIMIT_ONGELDIG", "Ongeldige limit", "limit moet tussen 1 en " + settings.pageLimit()
          + " liggen.");
    }
    ObservationQuery query = scoped(caller, new ObservationQuery(programme, indicator, wijk, periode, partner));
    FigurePage page = store.figures(query, cursor == null ? null : decode(cursor), size);
    return new Page(page.figures().stream().map(this::view).toList(),
        page.next() == null ? null : encode(page.next()));
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<ProblemDetail> refused(Refused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
    problem.setTitle(e.title);
    problem.setProperty("code", e.code);
    return ResponseEntity.status(e.status).body(problem);
  }

  private FigureView view(Figure f) {
    FigureKey key = f.key();
    Indicator indicator = reference.indicator(key.programme(), key.indicator()).orElse(null);
    return new FigureView(key.programme(), key.indicator(), indicator == null ? null : indicator.name(),
        indicator == null ? null : indicator.unit(), key.wijk(), key.period(), f.total(),
        f.withheldParts(), f.partners().stream().map(ObservationsController::partnerValue).toList(),
        indicator == null ? null : indicator.target());
  }

  /**
   * The query narrowed to what the caller may see: a partner only its own values (so a figure is what it delivered),
   * programme staff only their programme's figures. Anything wider is refused, not silently narrowed.
   */
  private static ObservationQuery scoped(HubPrincipal caller, ObservationQuery asked) {
    if (caller.has(Role.STAFF)) {
      if (asked.programme() == null && caller.programmes().size() == 1) {
        return asked.withProgramme(caller.programmes().iterator().next());
      }
      if (asked.programme() != null && caller.maySeeFigure(asked.programme(), null)) {
        return asked;
      }
      throw new Refused(HttpStatus.FORBIDDEN, "PROGRAMMA_NIET_TOEGESTAAN", "Geen toegang", "U kunt alleen de"
          + " cijfers van uw eigen programma inzien: " + String.join(", ", caller.programmes()) + ".");
    }
    if (!caller.has(Role.PARTNER) || asked.partner() != null && !asked.partner().equals(caller.partner())) {
      throw new Refused(HttpStatus.FORBIDDEN, "ANDERE_PARTNER", "Geen toegang", "U kunt alleen uw eigen cijfers"
          + " inzien.");
    }
    return asked.withPartner(caller.partner());
  }

  private static PartnerValue partnerValue(StoredObservation o) {
    return new PartnerValue(o.partner(), o.value(), o.withheld(), o.note(), o.submissionId(), o.revision(), o.receivedAt());
  }

  private static String encode(FigureKey key) {
    String joined = String.join(SEPARATOR, key.programme(), key.indicator(), key.wijk(), key.period());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  private static FigureKey decode(String cursor) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
    } catch (IllegalArgumentException e) {
      parts = new String[0];
    }
    if (parts.length != 4) {
      throw new Refused("CURSOR_ONGELDIG", "Ongeldige cursor", "Gebruik de waarde van 'next' uit het vorige"
          + " antwoord ongewijzigd, of laat cursor weg voor de eerste pagina.");
    }
    return new FigureKey(parts[0], parts[1], parts[2], parts[3]);
  }

  /** A request this API answers with a Dutch problem: 400 unless said otherwise. */
  private static final class Refused extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String title;

    Refused(String code, String title, String detail) {
      this(HttpStatus.BAD_REQUEST, code, title, detail);
    }

    Refused(HttpStatus status, String code, String title, String detail) {
      super(detail, null, false, false);
      this.status = status;
      this.code = code;
      this.title = title;
    }
  }
}
