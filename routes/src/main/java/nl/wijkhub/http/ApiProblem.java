package nl.wijkhub.http;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal as the partner reads it: an RFC 9457 problem with a Dutch title and detail, a stable {@code code}, and
 * any headers the status needs (WWW-Authenticate, Retry-After).
 */
final class ApiProblem extends RuntimeException {

  private final transient ProblemDetail problem;
  private final transient HttpHeaders headers;

  ApiProblem(HttpStatus status, String code, String title, String detail) {
    this(status, code, title, detail, Map.of(), new HttpHeaders());
  }

  ApiProblem(HttpStatus status, String code, String title, String detail, Map<String, Object> properties,
      HttpHeaders headers) {
    super(code, null, false, false);
    this.problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("code", code);
    properties.forEach(problem::setProperty);
    this.headers = headers;
  }

  ProblemDetail problem() {
    return problem;
  }

  HttpHeaders headers() {
    return headers;
  }

  static HttpHeaders retryAfter(long seconds) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
    return headers;
  }
}
