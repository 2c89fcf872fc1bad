package nl.wijkhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import nl.wijkhub.embedded.EmbeddedStack;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.embedded.HubProcess;
import nl.wijkhub.embedded.RuntimeLayout;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The hub as {@code deploy/compose/compose.yaml} runs it, without Docker: the jar started with exactly the
 * environment the file gives the {@code hub} service, its service names rewritten to the embedded broker, registry
 * and PostgreSQL, and reached on an address other than loopback, as the published port reaches it in a container.
 * It lives in the routes module because only there is the hub jar built before the integration tests run.
 */
@ExtendWith(TestInfrastructure.class)
class ComposeHubIT {

  private static final Path JAR = Path.of(System.getProperty("wijkhub.jar", "target/wijkhub.jar"));
  private static final Path COMPOSE_FILE = RuntimeLayout.locate().home().resolve("deploy/compose/compose.yaml");

  @Test
  void theHubWithComposesEnvironmentAnswersOnANonLoopbackAddress() throws Exception {
    Optional<InetAddress> address = firstNonLoopbackAddress();
    Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to reach the hub on");
    Path data = TestInfrastructure.tempDir("wijkhub-compose-it");
    int port = FreePorts.pick();
    Map<String, String> environment = onThisMachine(composeEnvironment(), data);
    // The one addition: the container's port 8080 may be taken on a shared machine.
    environment.put("HUB_PORT", Integer.toString(port));

    try (HubProcess hub = HubProcess.start(JAR, List.of(), environment, data.resolve("hub.log"))) {
      hub.awaitHttpReady(URI.create("http://" + address.get().getHostAddress() + ":" + port + "/actuator/health"),
          Duration.ofMinutes(5));
    }
  }

  private static Map<String, String> composeEnvironment() throws IOException {
    JsonNode compose = new YAMLMapper().readTree(COMPOSE_FILE.toFile());
    Map<String, String> environment = new LinkedHashMap<>();
    compose.path("services").path("hub").path("environment").properties()
        .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString()));
    assertThat(environment).as("hub environment in " + COMPOSE_FILE).containsKeys("HUB_ADDRESS",
        "KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "MONITORING_DB_URL");
    return environment;
  }

  /** Compose's service names and volume paths replaced by what runs here; every other value stays as written. */
  private static Map<String, String> onThisMachine(Map<String, String> compose, Path data) {
    EmbeddedStack stack = TestInfrastructure.stack();
    TestPostgres.Endpoint postgres = TestPostgres.endpoint();
    Map<String, String> rewritten = new LinkedHashMap<>();
    compose.forEach((name, value) -> rewritten.put(name, value
        .replace("jdbc:postgresql://postgres:5432/wijkhub", postgres.url())
        .replace("http://registry:8080", stack.registry().baseUrl())
        .replace("kafka:9092", stack.broker().bootstrapServers())
        .replaceAll("^\\$\\{POSTGRES_PASSWORD.*}$", postgres.password())
        .replaceAll("^\\$\\{WIJKHUB_MASTER_KEYSET.*}$", Matcher.quoteReplacement(masterKeyset()))
        .replaceAll("^/data$", data.toString())));
    // Compose's hub logs in as the image's POSTGRES_USER, which owns the database and so runs the migrations; here
    // that is the owner role (the tests' hub role owns nothing since the migrations run apart from it).
    assertThat(rewritten.get("MONITORING_DB_USER")).isEqualTo(postgres.user());
    rewritten.put("MONITORING_DB_USER", postgres.owner());
    rewritten.put("MONITORING_DB_PASSWORD", postgres.ownerPassword());
    assertThat(rewritten.values()).as("no compose service name is left")
        .noneMatch(value -> value.matches(".*\\b(kafka|registry|postgres):\\d+.*") || value.contains("${"));
    return rewritten;
  }

  /** What the operator provisions for compose: a master key kept apart from the data volume (prod creates none). */
  private static String masterKeyset() {
    try {
      AeadConfig.register();
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<InetAddress> firstNonLoopbackAddress() throws SocketException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(ComposeHubIT::isUp)
        .flatMap(networkInterface -> Collections.list(networkInterface.getInetAddresses()).stream())
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
  }

  private static boolean isUp(NetworkInterface networkInterface) {
    try {
      return networkInterface.isUp() && !networkInterface.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
