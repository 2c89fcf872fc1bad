package nl.wijkhub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataException;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class ReportLayoutLoaderTest {

  private static ReferenceData reference;
  private final ReportLayoutLoader loader = new ReportLayoutLoader(new DefaultResourceLoader());

  @BeforeAll
  static void loadRealConfig() {
    reference = new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/");
  }

  @Test
  void repositoryLayoutIsValid() {
    ReportLayout layout = loader.load("file:../config/", reference);
    assertThat(layout.pillar("leeuwarden-oost", "veiligheid").orElseThrow().number()).isEqualTo(8);
    assertThat(layout.outcome("leeuwarden-oost", "wonen", "Verduurzaming Leeuwarden Oost")).contains("1600");
  }

  @Test
  void missingFileIsAnEmptyLayout(@TempDir Path dir) {
    assertThat(loader.load(dir.toUri().toString(), reference).pillars()).isEmpty();
  }

  @Test
  void everyWrongEntryIsNamedWithItsFix(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("report.yaml"), """
        pillars:
          - programme: leeuwarden
            pillar: leren
            number: 4
          - programme: leeuwarden-oost
            pillar: leren
            number: 0
            interventions:
              - name: "Lifecoachen"
                outcome: "Coaches voor iedereen"
              - name: "Lifecoaching"
                outcome: ""
          - programme: leeuwarden-oost
            pillar: sport
            number: 9
        """);
    assertThatThrownBy(() -> loader.load(dir.toUri().toString(), reference))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("report.yaml, pillar 'leren' of 'leeuwarden': the programme is not in programmes.yaml")
        .hasMessageContaining("pillar 'leren' of 'leeuwarden-oost': number is missing or below 1")
        .hasMessageContaining("intervention 'Lifecoachen' is not an intervention of this pillar in indicators.yaml")
        .hasMessageContaining("intervention 'Lifecoaching' has no outcome")
        .hasMessageContaining("pillar 'sport' of 'leeuwarden-oost': no indicator in indicators.yaml has this pillar");
  }

  @Test
  void unknownKeyIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("report.yaml"), "pillars:\n  - programme: leeuwarden-oost\n    pilaar: leren\n");
    assertThatThrownBy(() -> loader.load(dir.toUri().toString(), reference))
        .hasMessageContaining("report.yaml is not valid at pillars entry 1 > pilaar");
  }

  @Test
  void fileWithOnlyCommentsIsAnEmptyLayoutLikeAMissingOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("report.yaml"), "# no layout yet\n");

    assertThat(loader.load(dir.toUri().toString(), reference).pillars()).isEmpty();
  }
}
