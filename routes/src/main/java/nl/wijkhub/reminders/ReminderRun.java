package nl.wijkhub.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.completeness.CompletenessMatrix;
import nl.wijkhub.completeness.DeliveryCalendar;
import nl.wijkhub.completeness.ReminderDigest;
import nl.wijkhub.completeness.ReminderLedger;
import nl.wijkhub.completeness.ReminderPlanner;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look for reminders: per programme the completeness matrix of today (on the injected clock, in the configured
 * zone) and the planner's digests, each addressed to the partner's registered addresses. A digest is recorded in
 * the ledger only through {@link #sent}, after the SMTP server accepted it, so a mail server that is down delays a
 * reminder instead of losing it.
 */
final class ReminderRun {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderRun.class);

  private final DeliveryCalendar calendar;
  private final Arrivals arrivals;
  private final ReminderLedger ledger;
  private final ReferenceData reference;
  private final Clock clock;
  private final ZoneId zone;

  ReminderRun(DeliveryCalendar calendar, Arrivals arrivals, ReminderLedger ledger, ReferenceData reference,
      Clock clock, ZoneId zone) {
    this.calendar = calendar;
    this.arrivals = arrivals;
    this.ledger = ledger;
    this.reference = reference;
    this.clock = clock;
    this.zone = zone;
  }

  /** The mails due now; empty once every partner got today's. */
  List<ReminderMail> due() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    ReminderPlanner planner = new ReminderPlanner(calendar.reminderOffsets(), ledger);
    List<ReminderMail> mails = new ArrayList<>();
    for (Programme programme : reference.programmes()) {
      CompletenessMatrix matrix = CompletenessMatrix.of(calendar.expected(programme.id(), today),
          arrivals.arrivals(programme.id()), today, zone);
      for (ReminderDigest digest : planner.plan(matrix, today,
          partner -> reference.partner(partner).map(Partner::name).orElse(partner),
          code -> reference.indicator(programme.id(), code).map(Indicator::name).orElse(code))) {
        List<String> to = reference.partner(digest.partner()).map(Partner::mailFrom).orElse(List.of());
        if (to.isEmpty()) {
          // Logged at debug: every run finds the same partner again until it gets an address.
          LOG.debug("Partner {} owes figures but has no mailFrom address in partners.yaml", digest.partner());
        } else {
          mails.add(new ReminderMail(to, digest));
        }
      }
    }
    return mails;
  }

  /** Called once the SMTP server accepted the mail. */
  void sent(ReminderMail mail) {
    ledger.record(mail.digest());
    LOG.info("Reminder sent to partner {} for {} figure(s)", mail.digest().partner(), mail.digest().owed().size());
  }
}
