package nl.wijkhub.covenant;

import java.net.URI;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.events.SignalType;

/** The validated covenants and register, with the look-ups the signal path and the MultiTeam need. */
public final class Covenants {

  private final Map<String, List<CovenantVersion>> versionsById;
  private final Map<String, ProcessingActivity> register;

  /** The register's activity for refusing a signal that no covenant allows: logged under it, routed nowhere. */
  public static final String REFUSAL_ACTIVITY = "signalen-weigeren";

  private final URI baseUri;

  Covenants(Map<String, List<CovenantVersion>> versionsById, Map<String, ProcessingActivity> register, URI baseUri) {
    this.versionsById = Map.copyOf(versionsById);
    this.register = Collections.unmodifiableMap(new LinkedHashMap<>(register));
    this.baseUri = baseUri;
  }

  /** The processing-log URI of a register activity outside any covenant, e.g. {@link #REFUSAL_ACTIVITY}. */
  public URI activityUri(String activityId) {
    return baseUri.resolve(activityId);
  }

  /**
   * The covenant version that governs a signal of this type from this supplier dated {@code date}, or empty when
   * no valid version lets the supplier deliver that type then: such a signal is routed to no one. Start-up refuses
   * configurations where two versions would both match, so there is at most one.
   */
  public Optional<CovenantVersion> governing(String supplier, SignalType type, LocalDate date) {
    return versionsById.values().stream().flatMap(List::stream)
        .filter(v -> v.isValidOn(date) && v.allows(supplier, type))
        .findFirst();
  }

  /**
   * The longest retention of the covenant's versions, in days counted from a fixed day (so it never changes with the
   * date): how long the covenant's topics keep records.
   */
  public Duration retention(String covenantId) {
    LocalDate from = LocalDate.of(2000, 1, 1);
    long days = versions(covenantId).stream()
        .mapToLong(v -> ChronoUnit.DAYS.between(from, from.plus(v.retention()))).max().orElseThrow();
    return Duration.ofDays(days);
  }

  public List<CovenantVersion> versions(String covenantId) {
    return versionsById.getOrDefault(covenantId, List.of());
  }

  public Collection<String> ids() {
    return versionsById.keySet();
  }

  /** The whole register of processing activities, in the order of the file: the basis of the article 30 export. */
  public List<ProcessingActivity> activities() {
    return List.copyOf(register.values());
  }

  public Optional<ProcessingActivity> activity(String id) {
    return Optional.ofNullable(register.get(id));
  }
}
