package nl.wijkhub.multiteam.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.privacy.KeyUnavailable;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.ProcessingSteps;
import nl.wijkhub.privacy.TraceIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of telling the professionals of a match: plan who is told about whom (opening the sealed contacts on
 * behalf of the recipient), log each notification before it is sent, and note it in the ledger once sent. Logs
 * name match and signal ids only.
 */
final class MatchNotifier {

  /** The processing step of telling a professional of a match, in the processing log's vocabulary. */
  static final String NOTIFIED = "genotificeerd";
  /** Why a {@value #NOTIFIED} step failed: the SMTP server refused the professional's address. */
  static final String ADDRESS_REFUSED = "ADRES_GEWEIGERD";

  private static final Logger LOG = LoggerFactory.getLogger(MatchNotifier.class);

  private final RoutedSignalReader reader;
  private final Covenants covenants;
  private final NotificationPlanner planner;
  private final JdbcNotificationLedger ledger;
  private final ProcessingLog log;
  private final Clock clock;

  MatchNotifier(RoutedSignalReader reader, Covenants covenants, NotificationPlanner planner,
      JdbcNotificationLedger ledger, ProcessingLog log, Clock clock) {
    this.reader = reader;
    this.covenants = covenants;
    this.planner = planner;
    this.ledger = ledger;
    this.log = log;
    this.clock = clock;
  }

  /**
   * The notifications a batch of match revisions calls for. Only each match's latest revision in the batch counts:
   * it holds every signal still in the match, and planning an earlier one too would tell someone twice.
   */
  List<MatchNotification> plan(List<Match> revisions) {
    Map<String, Match> latest = new LinkedHashMap<>();
    revisions.forEach(match -> latest.merge(match.getMatchId(), match,
        (a, b) -> b.getRevision() >= a.getRevision() ? b : a));
    return latest.values().stream().flatMap(match -> plan(match).stream()).toList();
  }

  private List<MatchNotification> plan(Match match) {
    CovenantVersion version = versionOf(match);
    // Each recipient has its own copy of the match (own id, same signals); one copy tells, so that nobody gets a
    // mail per recipient. Nothing at all unless the covenant's parties agreed to these mails.
    if (!version.notifyProfessionals()
        || !version.notifyingRecipient().map(match.getRecipient()::equals).orElse(false)) {
      return List.of();
    }
    Map<String, SignalContent> contacts = new HashMap<>();
    try {
      for (MatchedSignal signal : match.getSignals()) {
        reader.contactOf(match, signal).ifPresent(contact -> contacts.put(signal.getSignalId(), contact));
      }
    } catch (KeyUnavailable e) {
      // Another hub's match on a shared broker, or a period already crypto-shredded: nobody can be told.
      LOG.warn("Match {} (revision {}) cannot be opened; nobody is told of it", match.getMatchId(),
          match.getRevision());
      return List.of();
    }
    return planner.plan(match, contacts, version.covenantName(), version.version(),
        ledger.told(match.getCovenantId(), match.getSignals().stream().map(MatchedSignal::getSignalId).toList()));
  }

  /**
   * Logs the notification and returns only once Kafka confirmed it: no mail without its log record.
   *
   * @return the record, whose trace a refusal of the mail continues
   */
  ProcessingRecord log(MatchNotification notification) {
    Instant now = clock.instant();
    ProcessingRecord logged = ProcessingSteps.at(NOTIFIED, now)
        .setProcessingActivityId(activityOf(notification).toString())
        .setOrganisation(notification.told().supplier())
        .setDataSubjectId(notification.pseudonym())
        .setDataSubjectIdType("pseudoniem:" + notification.covenantId())
        .setCovenantId(notification.covenantId())
        .setCovenantVersion(notification.covenantVersion())
        .setSignalId(notification.told().signalId())
        .build();
    log.recordAndConfirm(logged, null);
    return logged;
  }

  /** Called once the SMTP server accepted the mail. */
  void sent(MatchNotification notification) {
    ledger.record(notification);
    LOG.info("Told the professional of signal {} of {} other(s) in match {}", notification.told().signalId(),
        notification.counterparts().size(), notification.matchId());
  }

  /**
   * The SMTP server refused the address for good; a later revision of the match tries again. The step logged
   * before the send did not happen after all: a record in the same trace says so, so that the log does not show
   * the professional as told.
   */
  void refused(MatchNotification notification, ProcessingRecord logged) {
    Instant now = clock.instant();
    log.recordAndConfirm(ProcessingRecord.newBuilder(logged)
        .setSpanId(TraceIds.newSpanId())
        .setParentSpanId(logged.getSpanId())
        .setStartTime(now)
        .setEndTime(now)
        .setStatus(ProcessingStatus.ERROR)
        .setReasonCode(ADDRESS_REFUSED)
        .build(), null);
    LOG.warn("The mail server refused the address of the professional of signal {} in match {}; not told",
        notification.told().signalId(), notification.matchId());
  }

  /** The covenant version valid on the match's latest signal date, which its latest signal was routed under. */
  private CovenantVersion versionOf(Match match) {
    LocalDate latest = match.getSignals().stream().map(MatchedSignal::getSignalDate).max(LocalDate::compareTo)
        .orElseThrow();
    List<CovenantVersion> versions = covenants.versions(match.getCovenantId());
    return versions.stream()
        .filter(v -> !v.validFrom().isAfter(latest) && (v.validUntil() == null || !v.validUntil().isBefore(latest)))
        .findFirst()
        .orElseGet(() -> versions.stream().max(Comparator.comparingInt(CovenantVersion::version)).orElseThrow(() ->
            new IllegalStateException("Match " + match.getMatchId() + " names covenant " + match.getCovenantId()
                + ", which config/covenants does not hold")));
  }

  private java.net.URI activityOf(MatchNotification notification) {
    return covenants.versions(notification.covenantId()).stream()
        .filter(v -> v.version() == notification.covenantVersion()).findFirst().orElseThrow()
        .processingActivityUri();
  }
}
