package nl.wijkhub.security;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The role matrix on the real hub: every endpoint the hub serves, and every path later work will use, with the
 * callers that may use it. An endpoint the hub serves without a row here, or without a rule in {@link AccessRules},
 * fails the first test; each row is then called as every caller, with the API's logins (API key, HTTP Basic) and
 * the pages' (the login form, with a session).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class AccessMatrixIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-access-it");
  private static final Path CONFIG = copyOfReferenceData();

  /** Who calls: anonymous, a partner by key or login, and every demo user. */
  enum Caller {
    ANONYMOUS(null, null),
    PARTNER_KEY("demo-dbieb", null),
    PARTNER_LOGIN(null, "demo-dbieb"),
    STAFF(null, "demo-programmabureau"),
    STAFF_SVN(null, "demo-programmabureau-svn"),
    OPERATOR(null, "demo-beheer"),
    MULTITEAM(null, "demo-pmg-multiteam"),
    PRIVACY_OFFICER(null, "demo-fg"),
    PRIVACY_OFFICER_LV(null, "demo-fg-lv");

    final String key;
    final String user;

    Caller(String key, String user) {
      this.key = key;
      this.user = user;
    }
  }

  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> PARTNERS = EnumSet.of(Caller.PARTNER_KEY, Caller.PARTNER_LOGIN);
  private static final Set<Caller> STAFF = EnumSet.of(Caller.STAFF, Caller.STAFF_SVN);
  private static final Set<Caller> OPERATORS = EnumSet.of(Caller.OPERATOR);
  private static final Set<Caller> PRIVACY = EnumSet.of(Caller.PRIVACY_OFFICER, Caller.PRIVACY_OFFICER_LV);
  private static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);
  private static final Set<Caller> MULTITEAM = EnumSet.of(Caller.MULTITEAM);

  /** Every endpoint the hub serves today, as METHOD and pattern, with who may call it. */
  private static final Map<String, Set<Caller>> SERVED = new LinkedHashMap<>();
  /** Paths of coming pages and endpoints (no handler yet: allowed shows as 404), and unlisted ones. */
  private static final Map<String, Set<Caller>> COMING = new LinkedHashMap<>();

  static {
    SERVED.put("GET /api/v1/openapi.json", EVERYONE);
    SERVED.put("GET /api/v1/observations", union(PARTNERS, STAFF));
    SERVED.put("GET /api/v1/submissions", PARTNERS);
    SERVED.put("POST /api/v1/submissions", PARTNERS);
    SERVED.put("POST /api/v1/signals", PARTNERS);
    SERVED.put("GET /api/v1/programmes/{programme}/report", STAFF);
    SERVED.put("GET /api/v1/submissions/{submissionId}", PARTNERS);
    SERVED.put("POST /api/v1/submissions/{submissionId}/intrekking", PARTNERS);
    SERVED.put("POST /api/v1/beheer/dead-letters/replay", OPERATORS);
    SERVED.put("POST /api/v1/beheer/store/rebuild", OPERATORS);
    SERVED.put("GET /actuator", OPERATORS);
    SERVED.put("GET /actuator/health", EVERYONE);
    SERVED.put("GET /actuator/health/**", OPERATORS);
    SERVED.put("GET /actuator/info", OPERATORS);
    SERVED.put("GET /actuator/metrics", OPERATORS);
    SERVED.put("GET /actuator/metrics/{requiredMetricName}", OPERATORS);
    SERVED.put("ANY /error", EVERYONE);
    SERVED.put("GET /login", EVERYONE);
    // Pages: their access per caller is checked with a session by the pages test, through PAGES.
    SERVED.put("GET /dashboard/{programme}", STAFF);
    SERVED.put("GET /publiek/{programme}", EVERYONE);
    SERVED.put("GET /dashboard/{programme}/volledigheid", STAFF);
    SERVED.put("GET /dashboard/{programme}/rapport", STAFF);
    SERVED.put("GET /dashboard/{programme}/signalen", STAFF);
    SERVED.put("GET /publiek/{programme}/signalen", EVERYONE);
    SERVED.put("GET /dashboard/{programme}/geschiedenis", STAFF);
    SERVED.put("POST /dashboard/{programme}/intrekking", STAFF);
    SERVED.put("GET /partner", EnumSet.of(Caller.PARTNER_LOGIN));
    SERVED.put("POST /api/v1/privacy/inzageverzoeken", PRIVACY);
    SERVED.put("GET /api/v1/privacy/verwerkingsregister", PRIVACY);
    SERVED.put("GET /privacy", PRIVACY);
    SERVED.put("POST /privacy/inzageverzoek", PRIVACY);
    SERVED.put("POST /privacy/inzageverzoek.csv", PRIVACY);
    SERVED.put("GET /privacy/verwerkingsregister.csv", PRIVACY);
    SERVED.put("GET /api/v1/multiteam/{covenant}/signalen", MULTITEAM);
    SERVED.put("GET /api/v1/multiteam/{covenant}/signalen/{signalId}", MULTITEAM);
    SERVED.put("PUT /api/v1/multiteam/{covenant}/signalen/{signalId}/status", MULTITEAM);
    SERVED.put("GET /api/v1/multiteam/{covenant}/matches", MULTITEAM);
    SERVED.put("GET /api/v1/multiteam/{covenant}/matches/{matchId}", MULTITEAM);
    SERVED.put("PUT /api/v1/multiteam/{covenant}/matches/{matchId}/status", MULTITEAM);
    SERVED.put("GET /multiteam", MULTITEAM);
    SERVED.put("GET /multiteam/{covenant}", MULTITEAM);
    SERVED.put("GET /multiteam/{covenant}/signalen/{signalId}", MULTITEAM);
    SERVED.put("GET /multiteam/{covenant}/matches/{matchId}", MULTITEAM);
    SERVED.put("POST /multiteam/{covenant}/signalen/{signalId}/status", MULTITEAM);
    SERVED.put("POST /multiteam/{covenant}/matches/{matchId}/status", MULTITEAM);

    COMING.put("GET /api/v1/signals/x", NOBODY);
    COMING.put("GET /api/v1/beheer/dead-letters", OPERATORS);
    COMING.put("GET /api/v1/programmes/leeuwarden-oost", STAFF);
    COMING.put("GET /api/v1/multiteam/signalen", MULTITEAM);
    // Another covenant's inbox: the rule lets MultiTeam members in, the inbox refuses a covenant not theirs.
    COMING.put("GET /api/v1/multiteam/svn-casusoverleg/signalen", NOBODY);
    COMING.put("GET /api/v1/privacy/verwerkingen", PRIVACY);
    COMING.put("GET /api/v1/niet-bestaand", NOBODY);
  }

  private static final Map<String, Set<Caller>> PAGES = new LinkedHashMap<>();
  /** Pages of PAGES that exist for whoever may open them (200); the others answer 404 to them. */
  private static final Set<String> EXISTING_PAGES = Set.of("/partner");

  static {
    PAGES.put("/dashboard/overzicht", STAFF);
    PAGES.put("/dashboard/overzicht/volledigheid", STAFF);
    PAGES.put("/dashboard/overzicht/rapport", STAFF);
    PAGES.put("/dashboard/overzicht/signalen", STAFF);
    PAGES.put("/partner", EnumSet.of(Caller.PARTNER_LOGIN));
    PAGES.put("/multiteam/signalen", MULTITEAM);
    PAGES.put("/multiteam/svn-casusoverleg", NOBODY);
    PAGES.put("/privacy/verzoeken", PRIVACY);
    PAGES.put("/publiek/cijfers", EVERYONE);
    PAGES.put("/publiek/cijfers/signalen", EVERYONE);
    PAGES.put("/niet-bestaand", NOBODY);
  }

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.reference-data", () -> CONFIG.toUri().toString());
  }

  @LocalServerPort
  int port;

  @Autowired
  List<RequestMappingInfoHandlerMapping> mappings;

  @Test
  void everyServedEndpointIsInTheMatrixAndHasARule() {
    Set<String> served = new TreeSet<>();
    mappings.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info ->
        info.getPatternValues().forEach(pattern -> {
          Set<String> methods = new TreeSet<>();
          info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
          (methods.isEmpty() ? Set.of("ANY") : methods).forEach(m -> served.add(m + " " + pattern));
        })));

    assertThat(served).isEqualTo(new TreeSet<>(SERVED.keySet()));
    for (String endpoint : served) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      assertThat(AccessRules.ruleFor(method.equals("ANY") ? "GET" : method, path(endpoint)))
          .as("a rule for " + endpoint).isPresent();
    }
  }

  @Test
  void everyCallerOfTheApiGetsExactlyTheAccessOfItsRow() {
    List<String> wrong = new ArrayList<>();
    Stream.concat(SERVED.entrySet().stream(), COMING.entrySet().stream())
        .filter(row -> !row.getKey().startsWith("ANY ") && !isPage(row.getKey()))
        .forEach(row -> EVERYONE.forEach(caller -> {
          String method = row.getKey().substring(0, row.getKey().indexOf(' '));
          HttpResponse<String> response = call(caller, method, path(row.getKey()));
          int denied = caller == Caller.ANONYMOUS ? 401 : 403;
          boolean allowed = row.getValue().contains(caller);
          if (allowed ? response.statusCode() == 401 || response.statusCode() == 403
              : response.statusCode() != denied) {
            wrong.add(row.getKey() + " as " + caller + ": " + response.statusCode());
          }
        }));

    assertThat(wrong).isEmpty();
  }

  @Test
  void refusalsAreDutchProblemsWithAChallengeAndASecondFactorIsNamed() {
    HttpResponse<String> anonymous = call(Caller.ANONYMOUS, "GET", "/api/v1/observations");
    HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(uri("/api/v1/observations"))
        .header("Authorization", basic("demo-programmabureau", "fout")).GET());
    HttpResponse<String> staffOnSubmissions = call(Caller.STAFF, "GET", "/api/v1/submissions");
    HttpResponse<String> oneFactor = send(HttpRequest.newBuilder(uri("/api/v1/multiteam/signalen"))
        .header("Authorization", basic("lokaal-multiteam", "lokaal-wachtwoord")).GET());

    assertProblem(anonymous, 401, "NIET_GEAUTHENTICEERD");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(ApiRefusals.CHALLENGE);
    assertProblem(wrongPassword, 401, "NIET_GEAUTHENTICEERD");
    assertProblem(staffOnSubmissions, 403, "GEEN_TOEGANG");
    assertProblem(oneFactor, 403, "TWEEDE_FACTOR_VEREIST");
    JsonNode failures = json(call(Caller.OPERATOR, "GET",
        "/actuator/metrics/wijkhub.security.login.failures?tag=method:basic"));
    assertThat(failures.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void healthShowsTheBareStatusToAnyoneAndItsComponentsToOperatorsOnly() {
    // Readiness is OUT_OF_SERVICE until every Camel consumer has polled once after start-up.
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() ->
        "UP".equals(json(call(Caller.ANONYMOUS, "GET", "/actuator/health")).get("status").asString()));
    JsonNode open = json(call(Caller.ANONYMOUS, "GET", "/actuator/health"));
    JsonNode staff = json(call(Caller.STAFF, "GET", "/actuator/health"));
    JsonNode operator = json(call(Caller.OPERATOR, "GET", "/actuator/health"));

    assertThat(open.get("status").asString()).isEqualTo("UP");
    assertThat(open.has("components")).isFalse();
    assertThat(staff.has("components")).isFalse();
    assertThat(operator.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
  }

  @Test
  void observationsShowAPartnerItsOwnFiguresAndStaffTheirProgrammesOnly() {
    String run = UUID.randomUUID().toString();
    deliver("dbieb", "taalmaatjes-gekoppeld;Bilgaard;2021;7;" + run);
    deliver("ikc-3", "ikc-medewerkers-getraind;Bilgaard;2021;4;" + run);
    deliver("studielokalen", "studielokalen-kinderen;Prinsenhof;2021;9;" + run);

    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> notes(Caller.STAFF, run).size() == 2
        && notes(Caller.STAFF_SVN, run).size() == 1);
    assertThat(notes(Caller.STAFF, run)).containsExactlyInAnyOrder("dbieb", "ikc-3");
    assertThat(notes(Caller.STAFF_SVN, run)).containsExactly("studielokalen");
    assertThat(notes(Caller.PARTNER_KEY, run)).containsExactly("dbieb");
    assertThat(notes(Caller.PARTNER_LOGIN, run)).containsExactly("dbieb");
    HttpResponse<String> otherProgramme = call(Caller.STAFF, "GET", "/api/v1/observations?programme=sterk-voor-noord");
    assertThat(otherProgramme.statusCode()).as("another programme's figures, asked for by name").isEqualTo(403);
    assertThat(json(otherProgramme).get("code").asString()).isEqualTo("PROGRAMMA_NIET_TOEGESTAAN");
    HttpResponse<String> otherPartner = call(Caller.PARTNER_KEY, "GET", "/api/v1/observations?partner=ikc-3");
    assertThat(otherPartner.statusCode()).as("another partner's figures, asked for by name").isEqualTo(403);
    assertThat(json(otherPartner).get("code").asString()).isEqualTo("ANDERE_PARTNER");
  }

  @Test
  void pageFormsNeedTheirCsrfTokenAndPagesWithPersonalDataNeedASecondFactor() {
    HttpClient officer = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    logIn(officer, "demo-fg", "demo-fg");
    HttpClient member = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    logIn(member, "demo-pmg-multiteam", "demo-pmg-multiteam");
    HttpClient oneFactor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    logIn(oneFactor, "lokaal-multiteam", "lokaal-wachtwoord");
    HttpRequest.BodyPublisher form = HttpRequest.BodyPublishers.ofString("bsn=111222333");

    assertThat(send(officer, HttpRequest.newBuilder(uri("/privacy/inzageverzoek"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(form)).statusCode())
        .as("the access request without its CSRF token").isEqualTo(403);
    assertThat(send(member, HttpRequest.newBuilder(uri("/multiteam/pmg-leeuwarden-oost/signalen/x/status"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("status=AFGESLOTEN"))).statusCode())
        .as("a status change without its CSRF token").isEqualTo(403);
    assertThat(send(oneFactor, HttpRequest.newBuilder(uri("/multiteam")).GET()).statusCode())
        .as("the inbox after a login with one factor").isEqualTo(403);
  }

  @Test
  void everyPersonLogsInWithTheFormAndReachesExactlyThePagesOfItsRow() {
    List<String> wrong = new ArrayList<>();
    for (Caller caller : EVERYONE) {
      if (caller == Caller.PARTNER_KEY) {
        continue;
      }
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      if (caller.user != null) {
        HttpResponse<String> login = logIn(browser, caller.user, caller.user);
        assertThat(login.headers().firstValue("Location")).as(caller.user).hasValueSatisfying(location ->
            assertThat(location).doesNotContain("error"));
      }
      PAGES.forEach((page, allowed) -> {
        HttpResponse<String> response = send(browser, HttpRequest.newBuilder(uri(page)).GET());
        int expected = allowed.contains(caller) ? EXISTING_PAGES.contains(page) ? 200 : 404
            : caller == Caller.ANONYMOUS ? 302 : 403;
        if (response.statusCode() != expected) {
          wrong.add(page + " as " + caller + ": " + response.statusCode() + " (expected " + expected + ")");
        }
      });
    }

    assertThat(wrong).isEmpty();
  }

  @Test
  void theLoginFormNeedsItsCsrfTokenAndPagesCarrySecurityHeaders() {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> withoutToken = send(browser, HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=demo-programmabureau&password=demo-programmabureau")));
    HttpResponse<String> page = send(browser, HttpRequest.newBuilder(uri("/login")).GET());

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void theLoginPageIsDutchLabelledAndNeedsNothingTheContentSecurityPolicyForbids() {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = send(browser, HttpRequest.newBuilder(uri("/login")).GET());
    HttpResponse<String> failed = send(browser, HttpRequest.newBuilder(uri("/login?error")).GET());
    HttpResponse<String> style = send(browser, HttpRequest.newBuilder(uri("/css/inloggen.css")).GET());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"nl\">", "<label for=\"username\">Gebruikersnaam</label>",
        "<label for=\"password\">Wachtwoord</label>", "autocomplete=\"current-password\"",
        "<link rel=\"stylesheet\" href=\"/css/inloggen.css\">")
        .doesNotContain("<script", "style=", "<style", "Please sign in", "Username");
    assertThat(failed.body()).contains("role=\"alert\"", "Inloggen is niet gelukt");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("text/css"));
  }

  /** A hostile marker in every refused request: no answer may repeat it. */
  private static final String MARKER = "xq7vijandig";

  /** One hostile request, sent as a raw request line (an HTTP client would refuse to send most of them). */
  private record Hostile(String kind, String target, int status, boolean problem) {}

  @Test
  void malformedPathsAreRefusedInDutchInTheFormatOfTheirAudienceWithoutRepeatingThem() {
    String longPath = MARKER.repeat(1 + 16 * 1024 / MARKER.length());
    List<Hostile> table = new ArrayList<>();
    for (String base : List.of("/api/v1/submissions/", "/publiek/")) {
      boolean api = base.startsWith("/api/");
      table.add(new Hostile("encoded slash", base + MARKER + "%2Fb", 400, api));
      table.add(new Hostile("encoded NUL", base + MARKER + "%00b", 400, api));
      table.add(new Hostile("path parameter", base + MARKER + ";x=" + MARKER, 400, api));
      table.add(new Hostile("dot-dot above the root", base + "../../../" + MARKER, 400, api));
      table.add(new Hostile("encoded dot-dot", base + "%2e%2e/%2e%2e/%2e%2e/" + MARKER, 400, api));
      table.add(new Hostile("invalid percent-encoding", base + MARKER + "%zz", 400, api));
      // Tomcat cannot read the path of these at all, so it cannot tell the API from a page: the page it is.
      table.add(new Hostile("invalid character", base + MARKER + "<b>", 400, false));
      table.add(new Hostile("over-long request line", base + longPath, 400, false));
    }

    List<String> wrong = new ArrayList<>();
    for (Hostile hostile : table) {
      RawAnswer answer = raw("GET " + hostile.target() + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
      String problem = refusalProblem(answer.status(), answer.contentType(), answer.body(), hostile.status(),
          hostile.problem());
      if (problem != null) {
        wrong.add(hostile.kind() + " " + hostile.target().substring(0, Math.min(60, hostile.target().length()))
            + ": " + problem);
      }
    }

    assertThat(wrong).isEmpty();
  }

  @Test
  void badParametersMethodsAndMediaTypesAreRefusedInDutchInTheFormatOfTheirAudience() {
    HttpClient staff = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    logIn(staff, "demo-programmabureau", "demo-programmabureau");
    HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String csrf = csrfToken(visitor);
    Map<String, HttpResponse<String>> api = new LinkedHashMap<>();
    api.put("type mismatch", call(Caller.PARTNER_KEY, "GET", "/api/v1/observations?limit=" + MARKER));
    api.put("missing parameter", call(Caller.STAFF, "GET", "/api/v1/programmes/leeuwarden-oost/report"));
    api.put("wrong method", send(authorised(Caller.PARTNER_KEY, "/api/v1/submissions")
        .method("DELETE", HttpRequest.BodyPublishers.noBody())));
    api.put("wrong media type", call(Caller.PARTNER_KEY, "POST", "/api/v1/submissions"));
    api.put("unacceptable answer", send(HttpRequest.newBuilder(uri("/api/v1/openapi.json"))
        .header("Accept", "text/html").GET()));
    Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
    pages.put("type mismatch", send(visitor, HttpRequest.newBuilder(uri("/publiek/leeuwarden-oost?jaar=" + MARKER))
        .GET()));
    pages.put("missing parameter", send(staff, HttpRequest.newBuilder(uri(
        "/dashboard/leeuwarden-oost/geschiedenis")).GET()));
    pages.put("wrong method", send(visitor, HttpRequest.newBuilder(uri("/publiek/leeuwarden-oost"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf) + "&x=" + MARKER))));
    pages.put("unacceptable answer", send(visitor, HttpRequest.newBuilder(uri("/login"))
        .header("Accept", "application/json").GET()));
    Map<String, Integer> statuses = Map.of("type mismatch", 400, "missing parameter", 400, "wrong method", 405,
        "wrong media type", 415, "unacceptable answer", 406);

    List<String> wrong = new ArrayList<>();
    api.forEach((kind, response) -> check("API " + kind, response, statuses.get(kind), true, wrong));
    pages.forEach((kind, response) -> check("page " + kind, response, statuses.get(kind), false, wrong));

    assertThat(wrong).isEmpty();
    assertThat(api.get("wrong method").headers().firstValue("Allow")).hasValueSatisfying(allow ->
        assertThat(allow).contains("GET", "POST"));
  }

  private static void check(String what, HttpResponse<String> response, int status, boolean problem,
      List<String> wrong) {
    String failure = refusalProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body(), status, problem);
    if (failure != null) {
      wrong.add(what + ": " + failure);
    }
  }

  /**
   * What is wrong with a refusal, or null: the status, a Dutch problem (the hub's fields, none of Spring Boot's) or
   * the Dutch error page, and nothing of the request, of a stack trace or of Tomcat's own page.
   */
  private static String refusalProblem(int status, String contentType, String body, int expectedStatus,
      boolean problem) {
    String seen = status + " " + contentType + " " + body.substring(0, Math.min(300, body.length()));
    if (status != expectedStatus) {
      return "status, expected " + expectedStatus + ": " + seen;
    }
    if (body.contains(MARKER) || body.contains("Exception") || body.contains("\tat ") || body.contains("Tomcat")
        || body.contains("HTTP Status")) {
      return "repeats the request, a stack trace or Tomcat's page: " + seen;
    }
    if (problem) {
      if (!contentType.equals("application/problem+json")) {
        return "not a problem: " + seen;
      }
      JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
      boolean fields = json.get("status").asInt() == expectedStatus && json.has("code")
          && (!json.has("type") || json.get("type").asString().equals("about:blank"))
          && !json.has("timestamp") && !json.has("path") && !json.has("error");
      boolean dutch = json.get("title").asString().matches(".*(Ongeldig|Methode|Formaat|Antwoordformaat).*")
          && json.get("detail").asString().matches(".*\\b(het|de|dit|niet)\\b.*");
      return fields && dutch ? null : "not the hub's Dutch problem: " + seen;
    }
    if (!contentType.startsWith("text/html") || !body.contains("<html lang=\"nl\"") || !body.contains("Foutcode "
        + expectedStatus) || !body.contains("Terug naar uw startpagina")) {
      return "not the Dutch error page: " + seen;
    }
    return null;
  }

  private record RawAnswer(int status, String contentType, String body) {}

  /** Sends bytes as they are, without an HTTP client's checks, and reads the answer until the hub closes. */
  private RawAnswer raw(String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(readUntilClosed(socket.getInputStream()), StandardCharsets.UTF_8);
      int headersEnd = answer.indexOf("\r\n\r\n");
      String head = headersEnd < 0 ? answer : answer.substring(0, headersEnd);
      Matcher type = Pattern.compile("(?im)^Content-Type:\\s*([^;\\r\\n]+)").matcher(head);
      return new RawAnswer(Integer.parseInt(head.substring(9, 12)), type.find() ? type.group(1).strip() : "",
          headersEnd < 0 ? "" : answer.substring(headersEnd + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bytes until the hub closes. A hub that answers before it read all of an over-long request closes with bytes
   * unread, and the connection may then end in a reset after the answer: what arrived is the answer.
   */
  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read.write(buffer, 0, n);
      }
    } catch (SocketException e) {
      if (read.size() == 0) {
        throw e;
      }
    }
    return read.toByteArray();
  }

  /** A CSRF token of this browser's session, from the login form. */
  private String csrfToken(HttpClient browser) {
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(send(browser,
        HttpRequest.newBuilder(uri("/login")).GET()).body());
    assertThat(csrf.find()).as("a CSRF token in the login form").isTrue();
    return csrf.group(1);
  }

  private HttpResponse<String> logIn(HttpClient browser, String user, String password) {
    String form = send(browser, HttpRequest.newBuilder(uri("/login")).GET()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).as("a CSRF token in the login form").isTrue();
    return send(browser, HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
            + "&_csrf=" + encode(csrf.group(1)))));
  }

  private void deliver(String partner, String row) {
    HttpResponse<String> response = new ApiClient(port, "demo-" + partner).postCsv("/api/v1/submissions",
        "indicator;wijk;periode;waarde;toelichting\n" + row + "\n");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  /** The partners of the figures this caller sees from this run. */
  private List<String> notes(Caller caller, String run) {
    return json(call(caller, "GET", "/api/v1/observations?periode=2021&limit=1000")).get("observations")
        .valueStream().flatMap(figure -> figure.get("partners").valueStream())
        .filter(p -> run.equals(p.get("note").asString())).map(p -> p.get("partner").asString()).toList();
  }

  private HttpResponse<String> call(Caller caller, String method, String path) {
    HttpRequest.Builder request = authorised(caller, path);
    // A body no endpoint accepts: an allowed POST is refused by the endpoint (415), not by security.
    return send(method.equals("POST") ? request.header("Content-Type", "application/pdf")
        .POST(HttpRequest.BodyPublishers.ofString("%PDF")) : request.GET());
  }

  private HttpRequest.Builder authorised(Caller caller, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (caller.key != null) {
      request.header("Authorization", "Bearer " + caller.key);
    } else if (caller.user != null) {
      request.header("Authorization", basic(caller.user, caller.user));
    }
    return request;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A page of the pages chain, other than the login form: anonymous callers are sent to log in, not refused. */
  private static boolean isPage(String endpoint) {
    String path = path(endpoint);
    return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.equals("/login");
  }

  private static String path(String endpoint) {
    return endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{\\*?[^}]+}", "x").replace("**", "x");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(HttpClient.newHttpClient(), request);
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

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("code").asString()).isEqualTo(code);
    assertThat(json(response).get("detail").asString()).isNotBlank();
  }

  private static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static Set<Caller> union(Set<Caller>... sets) {
    Set<Caller> all = EnumSet.noneOf(Caller.class);
    Stream.of(sets).forEach(all::addAll);
    return all;
  }

  /** The repository's reference data plus a users.yaml with one local MultiTeam member (one factor only). */
  private static Path copyOfReferenceData() {
    try {
      Path config = Files.createDirectories(DATA.resolve("config"));
      // The whole tree: the covenants are in a folder of their own, and the inbox checks them.
      Path source = Path.of("../config");
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(f -> !f.equals(source)).toList()) {
          Files.copy(file, config.resolve(source.relativize(file).toString()));
        }
      }
      Files.writeString(config.resolve(LocalUsers.FILE), "users:\n  - {name: lokaal-multiteam, bcrypt: \""
          + new BCryptPasswordEncoder(4).encode("lokaal-wachtwoord") + "\", roles: [\"multiteam:pmg-leeuwarden-oost\"]}\n");
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
