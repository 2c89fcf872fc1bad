package nl.wijkhub.accessrequest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the hub did with a resident's data, as the privacy officer's answer lists it: one row per processing step
 * under a covenant of the officer's municipality, oldest first.
 *
 * @param covenants the covenants searched (names), so that the letter can say where was looked
 * @param steps the steps found; empty when the hub processed nothing about this person there
 */
record AccessAnswer(List<String> covenants, List<Step> steps) {

  /**
   * One step.
   *
   * @param when when it happened
   * @param step the processing log's operation (ontvangen, gepseudonimiseerd, doorgestuurd, ...)
   * @param party partner id of the organisation that acted or received, or {@code wijkhub}
   * @param partyName its name for the letter
   * @param covenant covenant name
   * @param version covenant version
   * @param activity name of the register's processing activity
   * @param purpose the covenant version's purpose
   * @param legalGround the covenant version's legal ground
   * @param categories the categories of personal data the step passed on or handled
   * @param signalId the signal the step concerned, for the officer's follow-up with the supplier
   */
  record Step(Instant when, String step, String party, String partyName, String covenant, int version,
      String activity, String purpose, String legalGround, List<String> categories, String signalId) {

    /** Times in the resident's zone, to the minute: what a letter states. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.of("Europe/Amsterdam"));

    public String localTime() {
      return LOCAL.format(when);
    }
  }
}
