package nl.wijkhub.refusals;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for what it refuses before Spring sees the request: a request line it cannot parse or that
 * is too long, a path with an encoded slash, a NUL or a '..' above the root, invalid percent-encoding. Tomcat's own
 * report is an English HTML page; this one answers like the hub's error page does ({@link HubErrorController}), a
 * Dutch problem under the API and the Dutch error page elsewhere. Whatever Spring already answered is left alone.
 */
final class HubErrorReportValve extends ErrorReportValve {

  private static final Logger LOG = LoggerFactory.getLogger(HubErrorReportValve.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Supplier<ITemplateEngine> pages;
  private final Clock clock;

  HubErrorReportValve(Supplier<ITemplateEngine> pages, Clock clock) {
    this.pages = pages;
    this.clock = clock;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's own report: only an error nobody wrote a body for, and only once.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    // The raw path, only to tell the API from the pages; a request line too long to parse has none: a page.
    boolean machines = Audience.forMachines(request.getRequestURI());
    try {
      String body = machines ? JSON.writeValueAsString(Refusal.of(status).problem())
          : ErrorPage.render(pages.get(), status, Optional.empty(), clock.instant());
      response.setContentType(machines ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the response cannot take a body any more: the status alone has been sent.
      LOG.debug("No error report for status {}: {}", status, e.toString());
    }
  }
}
