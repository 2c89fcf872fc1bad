package nl.wijkhub.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.wijkhub.publish.KafkaSettings;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** UP when the schema registry answers its Confluent-compatible API, the one every consumer relies on. */
@Component("schemaRegistry")
class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI subjects;

  SchemaRegistryHealthIndicator(KafkaSettings settings) {
    super("Schema registry is not reachable");
    this.subjects = URI.create(settings.registryUrl() + "/apis/ccompat/v7/subjects");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(subjects).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    (response.statusCode() == 200 ? builder.up() : builder.down()).withDetail("status", response.statusCode());
  }
}
