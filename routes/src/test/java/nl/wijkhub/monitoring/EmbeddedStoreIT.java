package nl.wijkhub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.support.DropFolderDriver;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default's store: the same migrations and statements on an H2 file, as {@code ./wijkhub start}
 * runs them. Every other integration test uses PostgreSQL.
 */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
class EmbeddedStoreIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-h2-it");

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    Map<String, String> props = TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation());
    props.put("spring.datasource.url", "jdbc:h2:file:" + DATA.resolve("monitoring/store"));
    props.put("spring.datasource.username", "wijkhub");
    props.put("spring.datasource.password", "");
    props.remove("spring.flyway.schemas");
    // The embedded default migrates as the hub's own user: H2 has no owner role to keep apart (README).
    props.remove("spring.flyway.user");
    props.remove("spring.flyway.password");
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @Autowired
  ObservationStore store;

  @Test
  void observationsAndCorrectionsLandInTheH2File() {
    DropFolderDriver partner = new DropFolderDriver(DATA);
    String header = "indicator;wijk;periode;waarde;toelichting\n";
    partner.deliver("dbieb", "h2.csv", header + "taalmaatjes-gekoppeld;Camminghaburen;2020;3;h2 "
        + UUID.randomUUID() + "\n");
    partner.awaitReceipt("dbieb", "h2.csv");
    partner.deliver("dbieb", "h2-correctie.csv", header + "taalmaatjes-gekoppeld;Camminghaburen;2020;4;\n");
    String correction = partner.awaitReceipt("dbieb", "h2-correctie.csv").get("submissionId").asString();

    ObservationQuery key =
        new ObservationQuery("leeuwarden-oost", "taalmaatjes-gekoppeld", "camminghaburen", "2020", null);
    StoredObservation current = await().atMost(TestInfrastructure.STORE_CATCH_UP)
        .until(() -> store.current(key), rows -> rows.size() == 1
            && rows.get(0).submissionId().equals(correction)).get(0);
    assertThat(current.value()).isEqualTo(4.0);
    assertThat(store.history("leeuwarden-oost", "taalmaatjes-gekoppeld", "camminghaburen", "2020")).hasSize(2);
    assertThat(DATA.resolve("monitoring/store.mv.db")).exists();
  }
}
