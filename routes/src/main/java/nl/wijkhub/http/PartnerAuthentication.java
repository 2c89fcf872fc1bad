package nl.wijkhub.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.OptionalLong;
import nl.wijkhub.security.HubPrincipal;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * In front of {@code /api/v1/submissions}, after Spring Security has let only partners through
 * ({@code AccessRules}): names the partner for the controller and the log, and applies the partner's rate limit
 * (429 with Retry-After). Every later step acts as that partner only.
 */
final class PartnerAuthentication implements HandlerInterceptor {

  /** Request attribute holding the authenticated partner id. */
  static final String PARTNER = "wijkhub.partner";

  private final RateLimits limits;

  PartnerAuthentication(RateLimits limits) {
    this.limits = limits;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String partnerId = HubPrincipal.current().map(HubPrincipal::partner)
        .orElseThrow(() -> new IllegalStateException("The security rules let a caller without a partner reach "
            + request.getRequestURI()));
    OptionalLong wait = limits.take(partnerId);
    if (wait.isPresent()) {
      throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "TE_VEEL_VERZOEKEN", "Te veel verzoeken",
          "U heeft het maximum aantal verzoeken per minuut bereikt. Probeer het over " + wait.getAsLong()
              + " seconden opnieuw.", Map.of(), ApiProblem.retryAfter(wait.getAsLong()));
    }
    // Only now: when preHandle throws, afterCompletion is not called to clear it.
    MDC.put("partner", partnerId);
    request.setAttribute(PARTNER, partnerId);
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    MDC.remove("partner");
    MDC.remove("submission");
  }
}
