package nl.wijkhub.security;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People log in through an OpenID Connect provider (a real one in this JVM, {@link TestOidcProvider}): the browser
 * flow for pages, the provider's access tokens for API calls, roles and scope from the group claim, and the second
 * factor from acr/amr.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class OidcLoginIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-oidc-it");
  private static final TestOidcProvider PROVIDER = TestOidcProvider.start();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.security.oidc.issuer", PROVIDER::issuer);
    registry.add("wijkhub.security.oidc.client-id", () -> TestOidcProvider.CLIENT_ID);
    registry.add("wijkhub.security.oidc.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
    registry.add("wijkhub.security.oidc.second-factor-acr", () -> "substantial");
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  @LocalServerPort
  int port;

  @Test
  void staffLogInThroughTheProviderAndReachTheirPagesButNotAnotherRolesPages() {
    HttpClient browser = browser();
    HttpResponse<String> loginPage = send(browser, get("/dashboard/overzicht"));
    assertThat(loginPage.uri().getPath()).isEqualTo("/login");
    assertThat(loginPage.body()).contains("/oauth2/authorization/" + SecurityConfiguration.PROVIDER);

    PROVIDER.nextLogin(Map.of("sub", "medewerker-1", "groups", List.of("wijkhub:staff:leeuwarden-oost")));
    HttpResponse<String> back = send(browser, get("/oauth2/authorization/" + SecurityConfiguration.PROVIDER));

    assertThat(back.uri().getPath()).as("back where the person wanted to go, not " + back.uri()).isEqualTo("/dashboard/overzicht");
    assertThat(back.statusCode()).as("past security; the page itself is not built yet").isEqualTo(404);
    assertThat(send(browser, get("/privacy/verzoeken")).statusCode()).isEqualTo(403);
  }

  @Test
  void multiTeamPagesNeedTheProvidersSecondFactorAndAPasswordAloneIsRefused() {
    Map<String, Object> member = Map.of("sub", "lid-1", "groups", List.of("wijkhub:multiteam:pmg-leeuwarden-oost"));

    assertThat(logInAndOpen(with(member, "amr", List.of("pwd")), "/multiteam/signalen").statusCode()).isEqualTo(403);
    assertThat(logInAndOpen(with(member, "amr", List.of("pwd", "otp")), "/multiteam/signalen").statusCode())
        .isEqualTo(404);
    assertThat(logInAndOpen(with(member, "acr", "substantial"), "/multiteam/signalen").statusCode()).isEqualTo(404);
  }

  @Test
  void aPersonWithoutAHubGroupIsNotLoggedIn() {
    PROVIDER.nextLogin(Map.of("sub", "buitenstaander", "groups", List.of("medewerkers")));
    HttpResponse<String> response = send(browser(), get("/oauth2/authorization/" + SecurityConfiguration.PROVIDER));

    assertThat(response.uri().getPath()).isEqualTo("/login");
    assertThat(response.uri().getQuery()).isEqualTo("error");
  }

  @Test
  void theProvidersAccessTokenIsABearerTokenForPeoplesApiCallsWithItsScope() {
    String staffSvn = PROVIDER.accessToken(Map.of("groups", List.of("wijkhub:staff:sterk-voor-noord")));
    Map<String, Object> fg = Map.of("groups", List.of("wijkhub:privacy-officer:leeuwarden"));

    assertThat(api("/api/v1/observations?programme=sterk-voor-noord", staffSvn).statusCode()).isEqualTo(200);
    assertThat(api("/api/v1/submissions", staffSvn).statusCode()).isEqualTo(403);
    assertThat(json(api("/api/v1/privacy/verzoeken", PROVIDER.accessToken(fg))).get("code").asString())
        .isEqualTo("TWEEDE_FACTOR_VEREIST");
    assertThat(api("/api/v1/privacy/verzoeken", PROVIDER.accessToken(with(fg, "amr", List.of("hwk"))))
        .statusCode()).isEqualTo(404);
    assertThat(api("/api/v1/observations", PROVIDER.forgedToken(Map.of("groups",
        List.of("wijkhub:staff:sterk-voor-noord")))).statusCode()).isEqualTo(401);
    assertThat(api("/api/v1/observations", PROVIDER.tokenForAnotherAudience(Map.of("groups",
        List.of("wijkhub:staff:sterk-voor-noord")))).statusCode()).isEqualTo(401);
    assertThat(api("/api/v1/submissions", "demo-dbieb").statusCode()).as("API keys beside the provider")
        .isEqualTo(200);
  }

  private HttpResponse<String> logInAndOpen(Map<String, Object> claims, String page) {
    HttpClient browser = browser();
    PROVIDER.nextLogin(claims);
    send(browser, get("/oauth2/authorization/" + SecurityConfiguration.PROVIDER));
    return send(browser, get(page));
  }

  private HttpResponse<String> api(String path, String bearer) {
    return send(HttpClient.newHttpClient(), get(path).header("Authorization", "Bearer " + bearer));
  }

  private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
    Map<String, Object> more = new java.util.HashMap<>(claims);
    more.put(name, value);
    return more;
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
