package nl.wijkhub.multiteam.notify;

import java.util.List;

/**
 * One e-mail to the professional of one signal in a match, naming the counterparts this professional has not been
 * told about yet. Holds the professionals' own contacts, never anything about the person.
 *
 * @param told the professional who gets the mail, with an e-mail address as contact
 * @param counterparts the professionals of other suppliers in the same match, new to {@code told}
 */
record MatchNotification(String matchId, String covenantId, String covenantName, int covenantVersion,
    String pseudonym, Professional told, List<Professional> counterparts) {

  MatchNotification {
    counterparts = List.copyOf(counterparts);
  }

  /**
   * The professional behind one signal of the match.
   *
   * @param name null when the covenant does not let the recipient see it, or the supplier left it empty
   * @param contact telephone number or e-mail address; null as {@code name}
   * @param keyPeriod the data-key period (yyyy-MM) of the professional's signal
   */
  record Professional(String signalId, String supplier, String organisation, String name, String contact,
      String keyPeriod) {}
}
