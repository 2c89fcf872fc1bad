package nl.wijkhub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The Dutch login page of the page chain, rendered on the server: the local user form (with its CSRF token) and,
 * when OpenID Connect is on, the link to the organisation's provider. No script and no inline style, so that the
 * pages' Content-Security-Policy ({@code default-src 'self'}) holds; its look is {@code /css/inloggen.css}.
 */
@Controller
class LoginPage {

  private final SecuritySettings security;

  LoginPage(SecuritySettings security) {
    this.security = security;
  }

  @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Inloggen – Wijkhub</title>
        <link rel="stylesheet" href="/css/inloggen.css">
        </head>
        <body>
        <main>
        <h1>Inloggen bij Wijkhub</h1>
        """);
    if (request.getParameter("error") != null) {
      html.append("<p class=\"melding fout\" role=\"alert\">Inloggen is niet gelukt. Controleer uw gebruikersnaam"
          + " en wachtwoord, of vraag de beheerder of uw account toegang heeft tot Wijkhub.</p>\n");
    } else if (request.getParameter("logout") != null) {
      html.append("<p class=\"melding\" role=\"status\">U bent uitgelogd.</p>\n");
    }
    if (security.oidc().enabled()) {
      html.append("<p><a class=\"knop\" href=\"/oauth2/authorization/").append(SecurityConfiguration.PROVIDER)
          .append("\">Inloggen met uw organisatie-account</a></p>\n")
          .append("<h2>Of met een lokaal account</h2>\n");
    }
    html.append("""
        <form method="post" action="/login">
        <p><label for="username">Gebruikersnaam</label>
        <input id="username" name="username" type="text" autocomplete="username" required autofocus></p>
        <p><label for="password">Wachtwoord</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required></p>
        """);
    if (csrf != null) {
      html.append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
          .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">\n");
    }
    html.append("""
        <p><button type="submit">Inloggen</button></p>
        </form>
        </main>
        </body>
        </html>
        """);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html.toString());
  }
}
