package nl.wijkhub.http;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.wijkhub.WijkhubApplication;
import nl.wijkhub.embedded.EmbeddedStack;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With Kafka gone, a submission is answered 503 with Retry-After, never a 500 and never a receipt for something
 * that was not stored. The hub runs on a broker of its own here, so stopping it harms no other test.
 */
class SubmissionsUnavailableIT {

  @TempDir
  static Path data;

  private static EmbeddedStack stack;
  private static ConfigurableApplicationContext hub;

  @BeforeAll
  static void startHubOnItsOwnBroker() throws Exception {
    stack = EmbeddedStack.start(Files.createDirectories(data.resolve("stack")));
    Map<String, Object> props = new HashMap<>(TestInfrastructure.hubProperties(stack, data,
        TestInfrastructure.isolation()));
    // Give up on a gone broker within seconds rather than the producer's default minute.
    props.put("wijkhub.kafka.producer.max.block.ms", "3000");
    props.put("wijkhub.kafka.producer.request.timeout.ms", "2000");
    props.put("wijkhub.kafka.producer.delivery.timeout.ms", "3000");
    props.put("server.port", "0");
    // As arguments: builder properties are only defaults, which application.yaml would override.
    hub = new SpringApplicationBuilder(WijkhubApplication.class)
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aSubmissionWhileKafkaIsDownIsAnswered503WithRetryAfterAndNoReceipt() {
    ApiClient ikc = new ApiClient(hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
        "demo-ikc-1");
    String rows = "indicator;wijk;periode;waarde\nikc-medewerkers-getraind;Bilgaard;2024;25\n";
    assertThat(ikc.postCsv("/api/v1/submissions", rows).statusCode()).as("with Kafka up").isEqualTo(202);

    stack.broker().close();
    HttpResponse<String> response = ikc.postCsv("/api/v1/submissions?bestandsnaam=later.csv",
        rows.replace("25", "26"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(json(response).get("code").asString()).isEqualTo("TIJDELIJK_NIET_BESCHIKBAAR");
    assertThat(json(response).get("detail").asString()).contains("niets opgeslagen");
    assertThat(json(ikc.get("/api/v1/submissions")).get("submissions").valueStream()
        .map(r -> r.get("sourceName").asString())).doesNotContain("later.csv");
  }
}
