package nl.wijkhub.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Denials a controller decides itself, logged and counted exactly as the access rules' own
 * ({@code wijkhub.security.denied} by the rule's path pattern, the caller's roles, never its name or the id asked
 * for). A request for another partner's delivery is answered as if the id were unknown, so that a caller cannot
 * learn which ids exist; only this log and counter still tell operators that it was refused.
 */
public final class Denials {

  private final MeterRegistry metrics;

  Denials(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** A request for something the caller does not own, answered as unknown. */
  public void answeredAsUnknown(HttpServletRequest request) {
    ApiRefusals.denied(request, metrics);
  }
}
