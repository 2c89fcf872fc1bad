package nl.wijkhub.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Derives an indicator's status from what was realised and its target. The page shows {@link #EXPLANATION}, so the
 * rule and its wording change together. For a target spread over several years the realised value is what was
 * achieved since the window's start (the sum of the yearly figures), and the path to the target is a straight line.
 */
public final class StatusRule {

  public static final String EXPLANATION = """
      Zo bepalen we de status. Zonder streefwaarde: "geen streefwaarde". Is er nog geen cijfer aangeleverd: \
      "nog geen cijfer". Is de streefwaarde gehaald: "behaald". Anders vergelijken we met de rechte lijn van nul \
      bij de start naar de streefwaarde op de einddatum: wie op of boven die lijn zit, ligt "op koers"; wie eronder \
      zit, of de einddatum voorbij is zonder de streefwaarde te halen, ligt "achter". Bij een streefwaarde over \
      meerdere jaren tellen we de jaarcijfers sinds de start op. Is het cijfer afgeschermd omdat het een klein \
      aantal is of er een verraadt ("<5" of "×"), en kan de status daardoor zowel de ene als de andere zijn, dan \
      is de status "niet te bepalen".""";

  private StatusRule() {}

  /**
   * The status on {@code asOf} (the end of the reported period, or today while that period runs).
   *
   * @param realised what was realised in the target's window up to {@code asOf}; null when nothing was delivered
   * @param target the streefwaarde, or null when the programme set none
   */
  public static Status assess(Count realised, Target target, LocalDate asOf) {
    if (target == null) {
      return Status.GEEN_STREEFWAARDE;
    }
    if (realised == null) {
      return Status.GEEN_CIJFER;
    }
    if (realised.min() >= target.value()) {
      return Status.BEHAALD;
    }
    double expected = target.value() * elapsed(target, asOf);
    if (realised.max() < expected || realised.max() < target.value() && !asOf.isBefore(target.due())) {
      return Status.ACHTER;
    }
    if (realised.min() >= expected && asOf.isBefore(target.due())) {
      return Status.OP_KOERS;
    }
    return Status.ONBEPAALD;
  }

  /** The part of the window that has passed on {@code asOf}, from 0 to 1, counting the due day as a whole day. */
  static double elapsed(Target target, LocalDate asOf) {
    long total = ChronoUnit.DAYS.between(target.start(), target.due()) + 1;
    long passed = ChronoUnit.DAYS.between(target.start(), asOf) + 1;
    return Math.max(0, Math.min(1, (double) passed / total));
  }
}
