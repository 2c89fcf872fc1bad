package nl.wijkhub.multiteam.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import nl.wijkhub.mail.OutgoingMail;
import nl.wijkhub.multiteam.notify.MatchNotification.Professional;

/**
 * The Dutch e-mail to one professional of a match. It names the covenant, the professional's own signal reference
 * (so that the professional finds the person in the own records), the match reference and the other professionals'
 * names, organisations and contacts; by design nothing about the person or the signals' content.
 */
final class NotificationMessages {

  static final String SUBJECT = "Wijkhub: ook een andere organisatie heeft een signaal gegeven";

  private final OutgoingMail mail;

  NotificationMessages(OutgoingMail mail) {
    this.mail = mail;
  }

  MimeMessage compose(MatchNotification notification) throws MessagingException {
    String address = NotificationPlanner.emailAddress(notification.told().contact()).orElseThrow();
    return mail.compose(List.of(address), SUBJECT, body(notification));
  }

  static String body(MatchNotification notification) {
    Professional told = notification.told();
    StringBuilder text = new StringBuilder()
        .append("Beste ").append(told.name() == null ? "professional" : told.name()).append(",\n\n")
        .append("U heeft een signaal gegeven onder het convenant \"").append(notification.covenantName())
        .append("\" (uw kenmerk ").append(told.signalId()).append(").\n")
        .append(notification.counterparts().size() == 1 ? "Ook deze professional heeft" : "Ook deze professionals hebben")
        .append(" binnen het matchvenster van het convenant een signaal gegeven\nover dezelfde persoon."
            + " Neem contact met elkaar op om af te stemmen wie wat doet:\n\n");
    for (Professional other : notification.counterparts()) {
      text.append("- ").append(other.name() == null ? "(naam niet gedeeld)" : other.name()).append(", ")
          .append(other.organisation()).append(": ")
          .append(other.contact() == null ? "(contactgegevens niet gedeeld; vraag het MultiTeam)" : other.contact())
          .append('\n');
    }
    return text.append("\nKenmerk van de match: ").append(notification.matchId()).append(".\n")
        .append("Het MultiTeam van het convenant ziet dezelfde match in zijn inbox.\n\n")
        .append("Deze e-mail noemt bewust niets over de persoon en niets over wat er gemeld is. Om wie het gaat,\n"
            + "vindt u bij uw eigen kenmerk. Wissel inhoud alleen uit zoals het convenant dat afspreekt, niet per"
            + " e-mail.\n\n")
        .append("Dit bericht is automatisch verstuurd door Wijkhub; een antwoord erop wordt niet gelezen.\n")
        .toString();
  }
}
