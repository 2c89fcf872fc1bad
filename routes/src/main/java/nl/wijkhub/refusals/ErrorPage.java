package nl.wijkhub.refusals;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.security.HubPrincipal;
import nl.wijkhub.security.Role;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one Dutch error page ({@code templates/error.html}) with its status, the time to quote to the operator, and
 * the way back to where this person starts, which follows from the login and never from the request. It is
 * rendered as a string, not as a view: the answer is HTML whatever the request's Accept says, and Tomcat's error
 * report renders it outside any web request.
 */
final class ErrorPage {

  private static final String TEMPLATE = "error";
  private static final String LOGIN = "/login";
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private ErrorPage() {}

  static String render(ITemplateEngine pages, int status, Optional<HubPrincipal> caller, Instant now) {
    return pages.process(TEMPLATE, new Context(DUTCH, Map.of("status", status, "startpagina", start(caller),
        "tijd", now.toString())));
  }

  /** The page this person starts from after logging in; the login page when nobody is logged in. */
  static String start(Optional<HubPrincipal> caller) {
    if (caller.isEmpty()) {
      return LOGIN;
    }
    HubPrincipal who = caller.get();
    if (who.has(Role.STAFF) && !who.programmes().isEmpty()) {
      return "/dashboard/" + who.programmes().stream().sorted().findFirst().orElseThrow();
    }
    if (who.has(Role.PARTNER)) {
      return "/partner";
    }
    if (who.has(Role.MULTITEAM)) {
      return "/multiteam";
    }
    if (who.has(Role.PRIVACY_OFFICER)) {
      return "/privacy";
    }
    return LOGIN;
  }
}
