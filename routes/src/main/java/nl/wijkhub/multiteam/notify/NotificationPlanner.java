package nl.wijkhub.multiteam.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.multiteam.notify.MatchNotification.Professional;

/**
 * Who is told about whom, for one revision of a match. The rule: every professional of an open match learns of each
 * professional of another supplier in it exactly once. So when a match opens, each of its professionals gets one
 * mail naming all the others; when a further supplier joins, the newcomer gets one mail naming all the others, and
 * each professional told before gets one mail naming only the newcomer. Professionals of the same supplier are not
 * told of each other (their own organisation can connect them). A professional whose contact is no e-mail address
 * (a telephone number, or nothing the covenant lets through) cannot be mailed: the MultiTeam's inbox shows the
 * match all the same, and others are still told of that professional. A closed match tells nobody anything.
 */
final class NotificationPlanner {

  /** A professional (by signal) who was told of a counterpart (by signal) in a match. */
  record Told(String toldSignalId, String counterpartSignalId) {}

  private final Function<String, String> organisationName;

  NotificationPlanner(Function<String, String> organisationName) {
    this.organisationName = organisationName;
  }

  /**
   * @param contacts the opened contact of each signal of the match that has one, by signal id
   * @param toldBefore what the ledger holds for the match's signals
   */
  List<MatchNotification> plan(Match match, Map<String, SignalContent> contacts, String covenantName,
      int covenantVersion, Set<Told> toldBefore) {
    if (match.getStatus() != MatchStatus.OPEN) {
      return List.of();
    }
    List<Professional> professionals = match.getSignals().stream().map(s -> professional(s, contacts)).toList();
    List<MatchNotification> notifications = new ArrayList<>();
    for (Professional told : professionals) {
      if (emailAddress(told.contact()).isEmpty()) {
        continue;
      }
      List<Professional> counterparts = professionals.stream()
          .filter(other -> !other.supplier().equals(told.supplier()))
          .filter(other -> !toldBefore.contains(new Told(told.signalId(), other.signalId())))
          .toList();
      if (!counterparts.isEmpty()) {
        notifications.add(new MatchNotification(match.getMatchId(), match.getCovenantId(), covenantName,
            covenantVersion, match.getPseudonym(), told, counterparts));
      }
    }
    return notifications;
  }

  private Professional professional(MatchedSignal signal, Map<String, SignalContent> contacts) {
    Optional<SignalContent> contact = Optional.ofNullable(contacts.get(signal.getSignalId()));
    return new Professional(signal.getSignalId(), signal.getSupplier(), organisationName.apply(signal.getSupplier()),
        contact.map(SignalContent::getProfessionalName).orElse(null),
        contact.map(SignalContent::getProfessionalContact).orElse(null), signal.getKeyPeriod());
  }

  /** The contact as an e-mail address, when it is one (suppliers give a telephone number or an address). */
  static Optional<String> emailAddress(String contact) {
    if (contact == null || contact.indexOf('@') < 0) {
      return Optional.empty();
    }
    try {
      InternetAddress address = new InternetAddress(contact.trim(), true);
      return address.getPersonal() == null ? Optional.of(address.getAddress()) : Optional.empty();
    } catch (AddressException e) {
      return Optional.empty();
    }
  }
}
