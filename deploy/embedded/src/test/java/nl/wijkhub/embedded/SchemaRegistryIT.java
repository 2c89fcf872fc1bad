package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry keeps its schemas across a restart, as the records in Kafka refer to them by id. */
class SchemaRegistryIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRestartOnTheSameDirectoryKeepsSchemaIds(@TempDir Path dir) throws Exception {
    String id;
    try (SchemaRegistry registry = SchemaRegistry.start(dir, 0)) {
      HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
              URI.create(registry.confluentApiUrl() + "/subjects/restart-value/versions"))
          .header("Content-Type", "application/vnd.schemaregistry.v1+json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(200);
      id = registered.body().replaceAll("\\D", "");
    }

    try (SchemaRegistry registry = SchemaRegistry.start(dir, 0)) {
      HttpResponse<String> schema = http.send(HttpRequest.newBuilder(
              URI.create(registry.confluentApiUrl() + "/schemas/ids/" + id)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(schema.statusCode()).isEqualTo(200);
      assertThat(schema.body()).contains("string");
    }
  }
}
