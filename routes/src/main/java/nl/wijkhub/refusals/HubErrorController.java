package nl.wijkhub.refusals;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.thymeleaf.ITemplateEngine;

/**
 * The hub's error page in place of Spring Boot's, which answered the API with its own JSON
 * ({@code timestamp, status, error, path}) and pages with English: a request under the API gets the Dutch problem
 * of its status, any other the Dutch error page. Which one follows from the path that failed, not from Accept, so
 * that a partner's client always reads a problem and a browser always a page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class HubErrorController implements ErrorController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final ITemplateEngine pages;
  private final Clock clock;

  HubErrorController(ITemplateEngine pages, Clock clock) {
    this.pages = pages;
    this.clock = clock;
  }

  /** The content type is set here, so that no Accept header can turn the refusal into a 406 of its own. */
  @RequestMapping
  ResponseEntity<Object> refuse(HttpServletRequest request) {
    int status = statusOf(request);
    if (Audience.forMachines((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Refusal.of(status).problem());
    }
    return ResponseEntity.status(status).contentType(HTML)
        .body(ErrorPage.render(pages, status, HubPrincipal.current(), clock.instant()));
  }

  /** The status the failed request ended with; asked for directly, the error page itself is nothing to show. */
  private static int statusOf(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return status instanceof Integer code && code >= 400 && code <= 599 ? code : 404;
  }
}
