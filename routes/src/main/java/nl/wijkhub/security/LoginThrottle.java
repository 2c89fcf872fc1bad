package nl.wijkhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any credential is checked: a client address that has used up its failed attempts gets 429 with
 * Retry-After for every request that carries credentials (an Authorization header, the login form, the provider's
 * answer), so that guessing keys or passwords stays slow.
 */
final class LoginThrottle extends OncePerRequestFilter {

  private static final int RETRY_AFTER_SECONDS = 60;

  private final LoginAttempts attempts;

  LoginThrottle(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (carriesCredentials(request) && attempts.throttled(request.getRemoteAddr())) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
      Problems.write(request, response, 429, "TE_VEEL_MISLUKTE_INLOGPOGINGEN", "Te veel mislukte pogingen",
          "Er zijn te veel mislukte inlogpogingen of onbekende sleutels vanaf dit adres. Probeer het over "
              + RETRY_AFTER_SECONDS + " seconden opnieuw.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean carriesCredentials(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || "POST".equals(request.getMethod()) && "/login".equals(path)
        || path.startsWith("/login/oauth2/code/");
  }
}
