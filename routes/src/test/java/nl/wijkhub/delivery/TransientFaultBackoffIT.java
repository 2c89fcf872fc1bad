package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.wijkhub.embedded.KafkaBroker;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.DropFolderDriver;
import nl.wijkhub.support.BrokerPause;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A drop-folder delivery while the real broker is stopped (SIGSTOP) and then brought back: the hub tries it again
 * after waits that grow, never gives it up, and publishes it exactly once when Kafka is back. The producer blocks at
 * most 15 s here (60 s by default), so that an attempt fails sooner and several back-off steps fit in the test.
 */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
class TransientFaultBackoffIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-backoff-it");
  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    // Long enough for the start-up's own transactional producers on a loaded machine.
    registry.add("wijkhub.kafka.producer[max.block.ms]", () -> "15000");
    registry.add("wijkhub.kafka.producer[request.timeout.ms]", () -> "5000");
    registry.add("wijkhub.kafka.producer[delivery.timeout.ms]", () -> "15000");
    registry.add("wijkhub.kafka.ledger-lookup-wait", () -> "5s");
    registry.add("wijkhub.deliveries.retry.initial-delay", () -> "250ms");
    registry.add("wijkhub.deliveries.retry.max-delay", () -> "1s");
    registry.add("wijkhub.deliveries.max-failed-attempts", () -> "3");
  }

  @Autowired
  TransientRetries retries;

  @Autowired
  MeterRegistry meters;

  private final KafkaBroker broker = TestInfrastructure.stack().broker();
  private final BrokerPause brokerPause = new BrokerPause(broker);
  private final DropFolderDriver partner = new DropFolderDriver(DATA);

  @AfterEach
  void resumeBroker() {
    brokerPause.resume();
  }

  @Test
  void aDeliveryWhileKafkaIsStoppedIsTriedAgainWithGrowingWaitsAndPublishedOnceWhenItIsBack() throws IOException {
    String marker = "backoff " + UUID.randomUUID();
    brokerPause.pause();
    partner.deliver("dbieb", "terwijl-kafka-stil.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2016;1;" + marker + "\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2016;2;" + marker + "\n");

    // More failures than max-failed-attempts, each step seen once: the waits double from 250 ms up to 1 s.
    List<TransientRetries.Step> steps = new ArrayList<>();
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(20)).until(() -> {
      TransientRetries.Step step = retries.latest();
      if (step != null && step.channel().equals("file-drop")
          && (steps.isEmpty() || steps.get(steps.size() - 1) != step)) {
        steps.add(step);
      }
      return steps.size() >= 5;
    });
    assertThat(retries.waiting()).isEqualTo(1);
    assertThat(partner.inboxFile("dbieb", "terwijl-kafka-stil.csv")).exists();
    brokerPause.resume();

    JsonNode receipt = partner.awaitReceipt("dbieb", "terwijl-kafka-stil.csv", Duration.ofSeconds(120));

    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(receipt.get("accepted").asLong()).isEqualTo(2);
    List<Integer> failures = steps.stream().map(TransientRetries.Step::failure).toList();
    assertThat(failures).isSorted().doesNotHaveDuplicates();
    assertThat(steps.get(0).delay()).isLessThan(steps.get(steps.size() - 1).delay());
    for (TransientRetries.Step step : steps) {
      assertThat(step.delay()).isEqualTo(Duration.ofMillis(Math.min(250L << (step.failure() - 1), 1000)));
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).failure() == steps.get(i - 1).failure() + 1) {
        assertThat(Duration.between(steps.get(i - 1).at(), steps.get(i).at())).as("gap before failure %d",
            steps.get(i).failure()).isGreaterThanOrEqualTo(steps.get(i - 1).delay());
      }
    }
    String id = receipt.get("submissionId").asString();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSourceName().equals("terwijl-kafka-stil.csv") && r.getPartner().equals("dbieb"))).hasSize(1);
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> marker.equals(o.getNote()))).hasSize(2)
        .allSatisfy(r -> assertThat(r.value().getSubmissionId()).isEqualTo(id));
    assertThat(meters.find(TransientRetries.COUNTER).tag("channel", "file-drop").counters().stream()
        .mapToDouble(c -> c.count()).sum()).isGreaterThanOrEqualTo(5);
    // The count drops when the exchange is done, after the receipt and the archive move: not at the same instant.
    await().atMost(Duration.ofSeconds(60)).until(() -> retries.waiting() == 0);
  }
}
