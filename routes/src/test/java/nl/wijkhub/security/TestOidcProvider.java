package nl.wijkhub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OpenID Connect provider for the tests, on 127.0.0.1: discovery, JWKS, the authorization-code flow
 * (the person "logged in" at the provider is the one the test names with {@link #nextLogin}) and signed ID and
 * access tokens (RS256, nimbus-jose-jwt). Enough for Spring Security's client and resource server to run their
 * real flows against it.
 */
final class TestOidcProvider implements AutoCloseable {

  static final String CLIENT_ID = "wijkhub-test";
  static final String CLIENT_SECRET = "test-geheim";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final RSAKey key;
  private final String issuer;
  private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
  private volatile Map<String, Object> nextLogin = Map.of();

  private TestOidcProvider(HttpServer server, RSAKey key) {
    this.server = server;
    this.key = key;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static TestOidcProvider start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      TestOidcProvider provider = new TestOidcProvider(server, new RSAKeyGenerator(2048).keyID("test").generate());
      server.createContext("/.well-known/openid-configuration", provider::discovery);
      server.createContext("/jwks", provider::jwks);
      server.createContext("/authorize", provider::authorize);
      server.createContext("/token", provider::token);
      server.start();
      return provider;
    } catch (IOException | JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return issuer;
  }

  /** The claims (subject, groups, acr, amr, ...) of whoever logs in next. */
  void nextLogin(Map<String, Object> claims) {
    this.nextLogin = Map.copyOf(claims);
  }

  /** An access token as the provider issues it for this hub. */
  String accessToken(Map<String, Object> claims) {
    return sign(key, CLIENT_ID, claims);
  }

  /** A token with the right claims signed by a key the provider does not publish. */
  String forgedToken(Map<String, Object> claims) {
    try {
      return sign(new RSAKeyGenerator(2048).keyID("test").generate(), CLIENT_ID, claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token of the provider issued for another application. */
  String tokenForAnotherAudience(Map<String, Object> claims) {
    return sign(key, "andere-applicatie", claims);
  }

  private String sign(RSAKey signer, String audience, Map<String, Object> claims) {
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
        .subject(String.valueOf(claims.getOrDefault("sub", "persoon-1")))
        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    claims.forEach((name, value) -> {
      if (!name.equals("sub")) {
        set.claim(name, value);
      }
    });
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
          set.build());
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    json(exchange, Map.of("issuer", issuer, "authorization_endpoint", issuer + "/authorize",
        "token_endpoint", issuer + "/token", "jwks_uri", issuer + "/jwks",
        "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
        "id_token_signing_alg_values_supported", List.of("RS256"), "scopes_supported", List.of("openid", "profile"),
        "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post")));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    json(exchange, Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
  }

  /** The person is already logged in at the provider: straight back to the hub with a code. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    String code = UUID.randomUUID().toString();
    Map<String, Object> login = new HashMap<>(nextLogin);
    if (query.containsKey("nonce")) {
      login.put("nonce", query.get("nonce"));
    }
    codes.put(code, login);
    exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=" + code + "&state="
        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Map<String, Object> login = codes.remove(body.getOrDefault("code", ""));
    if (login == null || !"authorization_code".equals(body.get("grant_type"))) {
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
      return;
    }
    json(exchange, Map.of("access_token", accessToken(login), "token_type", "Bearer", "expires_in", 300,
        "scope", "openid profile", "id_token", sign(key, CLIENT_ID, login)));
  }

  private static void json(HttpExchange exchange, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
