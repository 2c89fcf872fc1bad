package nl.wijkhub.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataException;
import nl.wijkhub.reference.ReferenceDataLoader;
import nl.wijkhub.reference.YamlReader;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads {@code report.yaml} beside the reference data and checks it against the indicator catalogue, reporting
 * every problem at once with the file, the entry and the fix. A missing file is an empty layout: pillars are then
 * numbered in catalogue order and outcomes stay empty.
 */
public class ReportLayoutLoader {

  static final String FILE = "report.yaml";

  private final YamlReader yaml;

  public ReportLayoutLoader(ResourceLoader resources) {
    this.yaml = new YamlReader(resources);
  }

  /** The layout; without pillars when the file is missing or holds no entries. */
  public ReportLayout load(String location, ReferenceData reference) {
    String path = ReferenceDataLoader.fileIn(location, FILE);
    ReportLayout layout = yaml.exists(path) ? yaml.read(path, ReportLayout.class, "").orElse(null) : null;
    if (layout == null) {
      return new ReportLayout(List.of());
    }
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReportLayout.PillarLayout pillar : layout.pillars()) {
      String entry = FILE + ", pillar '" + pillar.pillar() + "' of '" + pillar.programme() + "': ";
      if (reference.programmes().stream().noneMatch(p -> p.id().equals(pillar.programme()))) {
        problems.add(entry + "the programme is not in programmes.yaml; correct the programme id");
        continue;
      }
      if (!seen.add(pillar.programme() + "/" + pillar.pillar())) {
        problems.add(entry + "listed twice; merge the two entries");
      }
      List<Indicator> ofPillar = reference.indicators(pillar.programme()).stream()
          .filter(i -> i.pillar().equals(pillar.pillar())).toList();
      if (ofPillar.isEmpty()) {
        problems.add(entry + "no indicator in indicators.yaml has this pillar; use a pillar from that file");
      }
      if (pillar.number() == null || pillar.number() < 1) {
        problems.add(entry + "number is missing or below 1; give the pillar's number in the report's table");
      }
      for (ReportLayout.InterventionLayout intervention : pillar.interventions()) {
        if (ofPillar.stream().noneMatch(i -> i.intervention().equals(intervention.name()))) {
          problems.add(entry + "intervention '" + intervention.name() + "' is not an intervention of this pillar"
              + " in indicators.yaml; write its name exactly as there");
        }
        if (intervention.outcome() == null || intervention.outcome().isBlank()) {
          problems.add(entry + "intervention '" + intervention.name() + "' has no outcome; add the intended"
              + " outcome (beoogde doelstelling) or remove the entry");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(problems);
    }
    return layout;
  }
}
