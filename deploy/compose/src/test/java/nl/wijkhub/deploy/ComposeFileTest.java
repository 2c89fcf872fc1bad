package nl.wijkhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks {@code deploy/compose/compose.yaml} without Docker: it must be valid against the official Compose
 * Specification schema, and it must contain what the hub needs (services, healthchecks, start order, Kafka
 * settings, no committed secret).
 *
 * <p>{@code src/test/resources/compose-spec.json} is {@code schema/compose-spec.json} from the public GitHub
 * repository <a href="https://github.com/compose-spec/compose-spec">compose-spec/compose-spec</a> (Apache License
 * 2.0), taken unchanged from commit {@code 170098ba07d9f53c383a41bfd4c5166b0a4529a6}; the file was last changed
 * there in commit {@code a08f8d51631b7127ddac3d2c65537db429d0f1d0} (2025-10-21). SHA-256 of the copy:
 * {@code 1f91e091f16b2dd50ab8860e02bb391d22df553d91c145eacedb1b6eff9c3f0e}. To update, replace the file with a
 * newer version from that repository and adjust this note.
 *
 * <p>The schema validates the file as written, before Compose interpolates variables such as
 * {@code ${POSTGRES_PASSWORD:?...}}; every such value is a string there, which the schema accepts.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final List<String> REQUIRED_SERVICES = List.of("kafka", "registry", "postgres", "hub");
    private static final String PASSWORD_FROM_ENV = "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}";
    private static final Set<String> READ_BY_SPRING_OR_THE_JVM = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS",
            // spring.flyway.user and .password, bound by Spring Boot from the environment: unset means the store's user
            "SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
    /** An environment variable in backticks, e.g. {@code `WIJKHUB_CONFIG`}; property names are lower case. */
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    private static Path composeDir;
    private static Schema schema;
    private static JsonNode compose;

    @BeforeAll
    static void load() throws IOException {
        composeDir = Path.of(System.getProperty("compose.dir", ".")).toAbsolutePath().normalize();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec.json")) {
            assertThat(in).as("compose-spec.json on the test classpath").isNotNull();
            // The schema's $id ("compose_spec.json") is relative, so give it a base location; all its $refs
            // are local, nothing is fetched.
            schema = registry.getSchema(SchemaLocation.of("classpath:compose-spec.json"), in, InputFormat.JSON);
        }
        compose = YAML.readTree(Files.readString(composeDir.resolve("compose.yaml")));
    }

    private static List<String> validate(JsonNode document) {
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            messages.add(error.toString());
        }
        return messages;
    }

    private static List<String> validate(String yaml) {
        return validate(YAML.readTree(yaml));
    }

    @Test
    void composeFileIsValidAgainstTheComposeSpecification() {
        assertThat(validate(compose)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong types                 | 'services: {kafka: {image: 5, ports: "x"}}'                                   | /services/kafka/image
            unknown top-level key       | 'servcies: {kafka: {image: "apache/kafka:4.1.1"}}'                            | servcies
            unknown service key         | 'services: {kafka: {image: "apache/kafka:4.1.1", helthcheck: {test: "x"}}}'   | helthcheck
            bad depends_on condition    | 'services: {hub: {image: h, depends_on: {kafka: {condition: healthy}}}}'      | /services/hub/depends_on
            unquoted true in a command  | 'services: {hub: {image: h, healthcheck: {test: [CMD, true]}}}'               | /services/hub/healthcheck/test
            """)
    void brokenDocumentsAreRejected(String what, String yaml, String mentioned) {
        List<String> errors = validate(yaml);
        assertThat(errors).as(what).isNotEmpty();
        assertThat(String.join("\n", errors)).as(what).contains(mentioned);
    }

    @Test
    void everyServiceTheHubNeedsIsPresentWithAHealthcheck() {
        JsonNode services = compose.path("services");
        for (String name : REQUIRED_SERVICES) {
            JsonNode service = services.path(name);
            assertThat(service.isObject()).as("service %s", name).isTrue();
            JsonNode healthcheck = service.path("healthcheck");
            assertThat(healthcheck.path("disable").asBoolean(false)).as("%s healthcheck disabled", name).isFalse();
            JsonNode test = healthcheck.path("test");
            assertThat(test.isArray() && test.size() >= 2 || test.isString() && !test.asString().isBlank())
                    .as("%s has a healthcheck test", name).isTrue();
            if (!"hub".equals(name)) {
                assertThat(service.path("image").asString()).as("%s image is pinned", name)
                        .contains(":").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void hubStartsOnlyWhenItsDependenciesAreHealthy() {
        JsonNode dependsOn = compose.path("services").path("hub").path("depends_on");
        for (String name : List.of("kafka", "registry", "postgres")) {
            assertThat(dependsOn.path(name).path("condition").asString()).as("hub depends_on %s", name)
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void imagesAreTheAgreedVersions() {
        JsonNode services = compose.path("services");
        assertThat(services.path("kafka").path("image").asString()).isEqualTo("apache/kafka:4.1.1");
        assertThat(services.path("registry").path("image").asString())
                .isEqualTo("apicurio/apicurio-registry-sql:2.6.13.Final");
        assertThat(services.path("postgres").path("image").asString()).isEqualTo("postgres:15");
    }

    @Test
    void kafkaIsASingleKraftNodeWithReplicationFactorOne() {
        Map<String, String> env = environment("kafka");
        assertThat(env).containsKey("CLUSTER_ID"); // the image refuses to start in KRaft mode without it
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_TRANSACTION_MAX_TIMEOUT_MS", "900000");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("kafka:9092");
    }

    @Test
    void hubIsConfiguredThroughItsEnvironment() {
        Map<String, String> env = environment("hub");
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("SCHEMA_REGISTRY_URL", "http://registry:8080")
                .containsEntry("MONITORING_DB_URL", "jdbc:postgresql://postgres:5432/wijkhub")
                .containsEntry("MONITORING_DB_USER", "wijkhub")
                .containsEntry("MONITORING_DB_PASSWORD", PASSWORD_FROM_ENV)
                .containsEntry("WIJKHUB_DATA", "/data");
        JsonNode hub = compose.path("services").path("hub");
        assertThat(strings(hub.path("ports"))).contains("8080:8080");
        assertThat(strings(hub.path("volumes"))).anyMatch(v -> v.endsWith(":/data"));
    }

    @Test
    void registryKeepsItsSchemasInItsOwnDatabaseOnThePostgresService() {
        assertThat(environment("registry"))
                .containsEntry("REGISTRY_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/registry")
                .containsEntry("REGISTRY_DATASOURCE_USERNAME", "wijkhub")
                .containsEntry("REGISTRY_DATASOURCE_PASSWORD", PASSWORD_FROM_ENV);
        assertThat(compose.path("services").path("registry").path("depends_on").path("postgres").path("condition")
                .asString()).isEqualTo("service_healthy");
        JsonNode initScript = compose.path("services").path("postgres").path("configs").path(0);
        assertThat(initScript.path("target").asString()).startsWith("/docker-entrypoint-initdb.d/").endsWith(".sql");
        assertThat(compose.path("configs").path(initScript.path("source").asString()).path("content").asString())
                .contains("CREATE DATABASE registry OWNER wijkhub;");
    }

    @Test
    void hubListensOnAllInterfacesOfItsContainerWithAStatedHeap() {
        assertThat(environment("hub")).containsEntry("HUB_ADDRESS", "0.0.0.0")
                .containsEntry("JAVA_TOOL_OPTIONS", "-Xmx256m");
    }

    /** A misspelt variable is silently ignored by the hub, so every one given to it must be one it reads. */
    @Test
    void everyVariableComposeAndTheImageGiveTheHubIsOneItReads() throws IOException {
        List<String> given = new ArrayList<>(environment("hub").keySet());
        Files.readAllLines(composeDir.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("ENV "))
                .map(line -> line.substring(4).split("=", 2)[0].strip())
                .forEach(given::add);
        String applicationYaml = Files.readString(repositoryRoot().resolve("routes/src/main/resources/application.yaml"));

        assertThat(given).isNotEmpty().allSatisfy(name -> assertThat(
                applicationYaml.contains("${" + name + ":") || READ_BY_SPRING_OR_THE_JVM.contains(name))
                .as("%s is read by the hub (application.yaml) or by Spring Boot or the JVM", name).isTrue());
    }

    /** Every variable in the root README's configuration table is read by the hub or by ./wijkhub start. */
    @Test
    void everyVariableTheReadmeDocumentsIsRead() throws IOException {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        List<String> documented = new ArrayList<>();
        for (String row : table.lines().filter(line -> line.startsWith("| `")).toList()) {
            Matcher names = DOCUMENTED_VARIABLE.matcher(row.split("\\|")[1]);
            while (names.find()) {
                documented.add(names.group(1));
            }
        }
        String applicationYaml = Files.readString(repositoryRoot().resolve("routes/src/main/resources/application.yaml"));
        String launcher = Files.readString(repositoryRoot()
                .resolve("deploy/embedded/src/main/java/nl/wijkhub/embedded/Launcher.java"));

        assertThat(documented).contains("WIJKHUB_CONFIG", "HUB_ADDRESS", "MONITORING_DB_URL")
                .allSatisfy(name -> assertThat(applicationYaml.contains("${" + name + ":")
                        || launcher.contains("\"" + name + "\"") || READ_BY_SPRING_OR_THE_JVM.contains(name))
                        .as("%s (README) is read by application.yaml, the Launcher, or Spring Boot", name).isTrue());
    }

    private static Path repositoryRoot() {
        return composeDir.resolve("../..").normalize();
    }

    @Test
    void hubImageIsBuiltFromTheFatJarOnTemurin17() throws IOException {
        JsonNode build = compose.path("services").path("hub").path("build");
        Path context = composeDir.resolve(build.path("context").asString()).normalize();
        Path dockerfile = context.resolve(build.path("dockerfile").asString()).normalize();
        assertThat(dockerfile).as("Dockerfile relative to the build context").isEqualTo(composeDir.resolve("Dockerfile"));
        String text = Files.readString(dockerfile);
        assertThat(text).contains("FROM eclipse-temurin:17-jre").contains("COPY routes/target/wijkhub.jar ");
        assertThat(context.resolve("pom.xml")).as("context is the repository root").exists();
        assertThat(Files.readString(composeDir.resolve("Dockerfile.dockerignore")))
                .contains("!routes/target/wijkhub.jar");
    }

    @Test
    void noSecretIsCommitted() {
        assertThat(environment("postgres")).containsEntry("POSTGRES_PASSWORD", PASSWORD_FROM_ENV)
                .containsEntry("POSTGRES_USER", "wijkhub").containsEntry("POSTGRES_DB", "wijkhub");
        for (String service : REQUIRED_SERVICES) {
            environment(service).forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("SECRET") || key.contains("TOKEN")) {
                    assertThat(value).as("%s.%s comes from the environment", service, key).startsWith("${");
                }
            });
        }
    }

    /** A service's environment as a map; accepts both the map and the KEY=VALUE list form. */
    private static Map<String, String> environment(String service) {
        JsonNode env = compose.path("services").path(service).path("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env.isObject()) {
            env.properties().forEach(e -> result.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
        } else if (env.isArray()) {
            for (JsonNode item : env) {
                String[] kv = item.asString().split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asString()));
        return result;
    }
}
