package nl.wijkhub.reference;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The validated reference data with the look-ups ingestion needs on every row. */
public final class ReferenceData {

  /** Outcome of looking up a wijk as a partner wrote it. */
  public sealed interface WijkMatch {
    record Found(String code) implements WijkMatch {}

    record OtherProgramme(String code, String programme) implements WijkMatch {}

    record Unknown() implements WijkMatch {}
  }

  private static final int MATCH_CACHE_LIMIT = 10_000;

  private final Map<String, Programme> programmes;
  private final Map<String, Partner> partners;
  private final Map<String, Map<String, Indicator>> indicatorsByProgramme;
  /** In file order, the order of the yearly report's table. */
  private final List<Indicator> indicators;
  /** Normalised name, code or alias to (programme, wijk code), over all programmes. */
  private final Map<String, List<WijkMatch.OtherProgramme>> wijkNames;
  /** Raw spelling to match per programme: partners repeat the same spelling on every row. */
  private final Map<String, WijkMatch> matchCache = new ConcurrentHashMap<>();

  ReferenceData(List<Programme> programmes, List<Partner> partners, List<Indicator> indicators) {
    this.programmes = index(programmes, Programme::id);
    this.partners = index(partners, Partner::id);
    this.indicatorsByProgramme = indicators.stream().collect(Collectors.groupingBy(Indicator::programme,
        Collectors.toUnmodifiableMap(Indicator::code, Function.identity())));
    this.indicators = List.copyOf(indicators);
    Map<String, List<WijkMatch.OtherProgramme>> names = new HashMap<>();
    for (Programme programme : programmes) {
      for (Programme.Wijk wijk : programme.wijken()) {
        for (String name : spellings(wijk)) {
          List<WijkMatch.OtherProgramme> targets = names.computeIfAbsent(key(name), k -> new java.util.ArrayList<>());
          WijkMatch.OtherProgramme target = new WijkMatch.OtherProgramme(wijk.code(), programme.id());
          if (!targets.contains(target)) {
            targets.add(target);
          }
        }
      }
    }
    this.wijkNames = Map.copyOf(names);
  }

  public Optional<Partner> partner(String id) {
    return Optional.ofNullable(partners.get(id));
  }

  public Collection<Partner> partners() {
    return partners.values();
  }

  public Collection<Programme> programmes() {
    return programmes.values();
  }

  public Optional<Indicator> indicator(String programme, String code) {
    return Optional.ofNullable(indicatorsByProgramme.getOrDefault(programme, Map.of()).get(code));
  }

  /** The indicators of a programme in the order of indicators.yaml. */
  public List<Indicator> indicators(String programme) {
    return indicators.stream().filter(i -> i.programme().equals(programme)).toList();
  }

  /** True when the code is an indicator of some programme, to tell "unknown" from "not in your programme". */
  public boolean isIndicatorAnywhere(String code) {
    return indicatorsByProgramme.values().stream().anyMatch(byCode -> byCode.containsKey(code));
  }

  /** Finds a wijk by code, name or alias, ignoring case, accents, spaces and punctuation. */
  public WijkMatch wijk(String programme, String written) {
    String cacheKey = programme + '\u0000' + written;
    WijkMatch cached = matchCache.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    WijkMatch match = resolve(programme, written);
    if (matchCache.size() < MATCH_CACHE_LIMIT) {
      matchCache.put(cacheKey, match);
    }
    return match;
  }

  private WijkMatch resolve(String programme, String written) {
    List<WijkMatch.OtherProgramme> targets = wijkNames.getOrDefault(key(written), List.of());
    return targets.stream().filter(t -> t.programme().equals(programme)).findFirst()
        .<WijkMatch>map(t -> new WijkMatch.Found(t.code()))
        .orElseGet(() -> targets.isEmpty() ? new WijkMatch.Unknown() : targets.get(0));
  }

  static List<String> spellings(Programme.Wijk wijk) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(wijk.code(), wijk.name()),
        wijk.aliases().stream()).toList();
  }

  /** The comparison key of a name: lower case, no diacritics, letters and digits only. */
  static String key(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder key = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        key.append(Character.toLowerCase(c));
      }
    }
    return key.toString();
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
  }
}
