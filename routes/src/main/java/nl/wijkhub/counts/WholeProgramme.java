package nl.wijkhub.counts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * How a partner writes that a figure is about the whole programme rather than one wijk: {@code heel programma},
 * {@code hele programma}, {@code programma} or {@code *} in the wijk column (case, accents and spaces do not matter).
 * The dashboard shows such a figure as the programme's own number, never added to the wijken. No wijk is called
 * like this in config/programmes.yaml, so the words cannot hide a wijk.
 */
final class WholeProgramme {

  private static final Set<String> SPELLINGS = Set.of("*", "heelprogramma", "heleprogramma", "programma");

  private WholeProgramme() {}

  static boolean isMeant(String written) {
    String key = Normalizer.normalize(written, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    return SPELLINGS.contains(key);
  }
}
