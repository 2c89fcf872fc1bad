package nl.wijkhub.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * In front of {@code /api/v1/submissions}: the Bearer key names the partner (401 otherwise, the key never logged),
 * then the partner's rate limit applies (429 with Retry-After). Every later step acts as that partner only.
 */
final class PartnerAuthentication implements HandlerInterceptor {

  /** Request attribute holding the authenticated partner id. */
  static final String PARTNER = "wijkhub.partner";
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;
  private final RateLimits limits;

  PartnerAuthentication(ApiKeys keys, RateLimits limits) {
    this.keys = keys;
    this.limits = limits;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw unauthorized("Geen API-sleutel meegestuurd. Stuur de header 'Authorization: Bearer <api-sleutel>'.");
    }
    String partnerId = keys.partnerOf(authorization.substring(BEARER.length()).strip())
        .orElseThrow(() -> unauthorized("Deze API-sleutel is onbekend of ingetrokken. Vraag het programmabureau"
            + " om een geldige sleutel."));
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

  private static ApiProblem unauthorized(String detail) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wijkhub\"");
    return new ApiProblem(HttpStatus.UNAUTHORIZED, "NIET_GEAUTHENTICEERD", "Niet geauthenticeerd", detail,
        Map.of(), headers);
  }
}
