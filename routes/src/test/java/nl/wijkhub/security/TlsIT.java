package nl.wijkhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.wijkhub.WijkhubApplication;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production transport: the hub terminating TLS itself with a Spring Boot SSL bundle (a key pair made by the JDK's
 * keytool for the test), answering over HTTPS with HSTS.
 */
@ExtendWith(TestInfrastructure.class)
class TlsIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-tls-it");
  private static final String PASSWORD = "test-wachtwoord";
  private static ConfigurableApplicationContext hub;
  private static Path keystore;

  @BeforeAll
  static void startHubWithAnSslBundle() throws Exception {
    keystore = DATA.resolve("hub.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "hub", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD).inheritIO().start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    Map<String, String> props = new HashMap<>(TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()));
    props.put("server.port", "0");
    props.put("spring.ssl.bundle.jks.hub.keystore.location", "file:" + keystore);
    props.put("spring.ssl.bundle.jks.hub.keystore.password", PASSWORD);
    props.put("spring.ssl.bundle.jks.hub.keystore.type", "PKCS12");
    props.put("server.ssl.bundle", "hub");
    hub = new SpringApplicationBuilder(WijkhubApplication.class)
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void theHubAnswersOverTlsWithHstsOnApiAndPages() throws Exception {
    int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(tls).build();

    // Readiness is OUT_OF_SERVICE (503) until every Camel consumer has polled once after start-up.
    HttpRequest healthRequest = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/actuator/health"))
        .build();
    HttpResponse<String> health = await().atMost(TestInfrastructure.STORE_CATCH_UP).until(
        () -> client.send(healthRequest, HttpResponse.BodyHandlers.ofString()), answer -> answer.statusCode() == 200);
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
        + "/login")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
        assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
  }
}
