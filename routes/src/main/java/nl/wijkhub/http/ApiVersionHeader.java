package nl.wijkhub.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Puts the API's full version on every answer under /api/v1, as the NL API Design Rules ask (API-Version). */
final class ApiVersionHeader implements HandlerInterceptor {

  /** Equal to info.version of the OpenAPI description; a test holds them together. */
  static final String VERSION = "1.0.0";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    response.setHeader("API-Version", VERSION);
    return true;
  }
}
