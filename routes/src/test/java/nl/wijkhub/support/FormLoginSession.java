package nl.wijkhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's pages over plain HTTP as a browser without script sees them: logged in through the login form with its
 * CSRF token, the session in a cookie, redirects followed; GETs of pages and POSTs of their forms.
 */
public final class FormLoginSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final int port;

  private FormLoginSession(int port) {
    this.port = port;
  }

  /** Logs in as {@code user} (the demo users' password is their name) on the hub at {@code port}. */
  public static FormLoginSession logIn(int port, String user) {
    FormLoginSession session = new FormLoginSession(port);
    String form = session.get("/login").body();
    HttpResponse<String> landed = session.postForm("/login", "username=" + user + "&password=" + user + "&_csrf="
        + csrf(form));
    assertThat(landed.uri().getPath()).as("%s is logged in, not sent back to the login form", user)
        .isNotEqualTo("/login");
    return session;
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  /** A POST of {@code form}, already URL-encoded, as a page's form sends it. */
  public HttpResponse<String> postForm(String path, String form) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** The CSRF token of a form on {@code page}, URL-encoded for a form body. */
  public static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).as("a CSRF token on the page").isTrue();
    return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
