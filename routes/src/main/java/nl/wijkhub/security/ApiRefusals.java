package nl.wijkhub.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of the API as RFC 9457 problems in Dutch. A failed key or password counts towards the client's
 * {@link LoginAttempts}; a denial is logged with the rule's path pattern and the caller's roles, never its name.
 */
final class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Bearer realm=\"wijkhub\", Basic realm=\"wijkhub\"";
  private static final Logger LOG = LoggerFactory.getLogger(ApiRefusals.class);

  private final LoginAttempts attempts;
  private final MeterRegistry metrics;

  ApiRefusals(LoginAttempts attempts, MeterRegistry metrics) {
    this.attempts = attempts;
    this.metrics = metrics;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    if (failure instanceof InsufficientAuthenticationException) {
      Problems.write(request, response, 401, "NIET_GEAUTHENTICEERD", "Niet geauthenticeerd", "Geen API-sleutel of"
          + " inlog meegestuurd. Stuur de header 'Authorization: Bearer <api-sleutel>' (partners) of log in"
          + " (medewerkers).");
      return;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    attempts.failed(request.getRemoteAddr(), authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6) ? "basic" : "bearer");
    Problems.write(request, response, 401, "NIET_GEAUTHENTICEERD", "Niet geauthenticeerd", "Deze API-sleutel of"
        + " inlog is onbekend, verlopen of ingetrokken. Vraag het programmabureau om een geldige sleutel.");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    AccessRules.Rule rule = denied(request, metrics);
    if (rule != null && rule.access().needsSecondFactor() && !HubPrincipal.current()
        .map(HubPrincipal::secondFactor).orElse(false)) {
      Problems.write(request, response, 403, "TWEEDE_FACTOR_VEREIST", "Tweede factor vereist", "Deze gegevens"
          + " zijn persoonsgegevens. Log opnieuw in met een tweede factor (bijvoorbeeld een code of sleutel).");
      return;
    }
    Problems.write(request, response, 403, "GEEN_TOEGANG", "Geen toegang", "U heeft geen toegang tot deze"
        + " gegevens of functie.");
  }

  /** Logs and counts a denial; the rule that refused, or null when no rule matched (denied by default). */
  static AccessRules.Rule denied(HttpServletRequest request, MeterRegistry metrics) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    AccessRules.Rule rule = AccessRules.ruleFor(request.getMethod(), path).orElse(null);
    String area = rule == null ? "unlisted" : rule.pattern();
    metrics.counter("wijkhub.security.denied", "area", area).increment();
    LOG.info("Denied {} {} to roles {}", request.getMethod(), area,
        HubPrincipal.current().map(HubPrincipal::roles).map(Object::toString).orElse("[]"));
    return rule;
  }
}
