package nl.wijkhub.signals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalType;
import nl.wijkhub.events.Urgency;

/** The Dutch codes partners write for a signal's type, urgency and action (docs/aanleveren-signalen.md). */
final class SignalVocabulary {

  private SignalVocabulary() {}

  /** {@code jongere-in-beeld} for {@link SignalType#JONGERE_IN_BEELD}. */
  static String code(Enum<?> symbol) {
    return symbol.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<SignalType> type(String written) {
    String code = normal(written);
    if (code.equals("multiteam-aanmelding")) {
      return Optional.of(SignalType.JONGERE_IN_BEELD);
    }
    return Arrays.stream(SignalType.values()).filter(t -> code(t).equals(code)).findFirst();
  }

  static String types() {
    return Arrays.stream(SignalType.values()).map(SignalVocabulary::code).collect(Collectors.joining(", "));
  }

  /** Empty means normal. */
  static Optional<Urgency> urgency(String written) {
    String code = normal(written);
    if (code.isEmpty()) {
      return Optional.of(Urgency.NORMAAL);
    }
    return Arrays.stream(Urgency.values()).filter(u -> code(u).equals(code)).findFirst();
  }

  /** Empty means a new signal; {@code correctie} and {@code intrekking} refer to an earlier one. */
  static Optional<RoutedSignalKind> action(String written) {
    String code = normal(written);
    if (code.isEmpty()) {
      return Optional.of(RoutedSignalKind.NIEUW);
    }
    return Arrays.stream(RoutedSignalKind.values()).filter(k -> code(k).equals(code)).findFirst();
  }

  private static String normal(String written) {
    return written == null ? "" : written.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
  }
}
