package nl.wijkhub.report;

import java.util.List;
import java.util.Optional;

/**
 * What the report adds to the indicator catalogue ({@code report.yaml}): the number of each pillar in the table
 * (Leeuwarden Oost numbers leren 4 to veiligheid 8) and each intervention's intended outcome (beoogde doelstelling).
 */
public record ReportLayout(List<PillarLayout> pillars) {

  public ReportLayout {
    pillars = pillars == null ? List.of() : List.copyOf(pillars);
  }

  /** A pillar of a programme, its number in the table and the intended outcome of its interventions. */
  public record PillarLayout(String programme, String pillar, Integer number, List<InterventionLayout> interventions) {

    public PillarLayout {
      interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }
  }

  /** An intervention as named in indicators.yaml and what it is meant to achieve. */
  public record InterventionLayout(String name, String outcome) {}

  Optional<PillarLayout> pillar(String programme, String pillar) {
    return pillars.stream().filter(p -> p.programme().equals(programme) && p.pillar().equals(pillar)).findFirst();
  }

  /** The intended outcome of an intervention, or an empty text when the layout names none. */
  String outcome(String programme, String pillar, String intervention) {
    return pillar(programme, pillar).flatMap(p -> p.interventions().stream()
        .filter(i -> i.name().equals(intervention)).findFirst()).map(InterventionLayout::outcome).orElse("");
  }
}
