package nl.wijkhub.multiteam.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.events.SignalIdentity;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.multiteam.inbox.InboxViews.MatchItem;
import nl.wijkhub.multiteam.inbox.InboxViews.MatchedSupplier;
import nl.wijkhub.multiteam.inbox.InboxViews.OpenedSignal;
import nl.wijkhub.multiteam.inbox.InboxViews.SignalItem;
import nl.wijkhub.privacy.KeyUnavailable;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.ProcessingSteps;
import nl.wijkhub.publish.PublishFailed;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The MultiTeam's inbox: a covenant's signals and matches for its members only. Lists show no identity and no
 * content; opening one item logs the view (a processing record {@value #VIEWED} and an access record naming the
 * member, linked by span id) and only once Kafka confirmed that log does it decrypt and return the item.
 */
@Service
public class Inbox {

  /** The processing step of a member opening an item, from the processing log's vocabulary (ProcessingRecord). */
  static final String VIEWED = "ingezien";

  private final CovenantTopicReader topics;
  private final InboxStatuses statuses;
  private final RoutedSignalReader reader;
  private final ProcessingLog log;
  private final Covenants covenants;
  private final ReferenceData reference;
  private final Clock clock;

  Inbox(CovenantTopicReader topics, InboxStatuses statuses, RoutedSignalReader reader, ProcessingLog log,
      Covenants covenants, ReferenceData reference, Clock clock) {
    this.topics = topics;
    this.statuses = statuses;
    this.reader = reader;
    this.log = log;
    this.covenants = covenants;
    this.reference = reference;
    this.clock = clock;
  }

  /** The covenants whose inbox the caller may read, sorted. */
  public List<String> covenantsOf(HubPrincipal caller) {
    return InboxMembership.covenantsOf(caller).stream().filter(covenants.ids()::contains).sorted().toList();
  }

  /** The covenant's name as its members know it. */
  public String covenantName(String covenantId) {
    return covenants.versions(covenantId).stream().max(Comparator.comparingInt(CovenantVersion::version))
        .map(CovenantVersion::covenantName).orElse(covenantId);
  }

  /** The covenant's signals, newest first; a correction shows as the signal it corrects. */
  public List<SignalItem> signals(HubPrincipal caller, String covenantId) {
    String recipient = checkMember(caller, covenantId);
    Map<String, ItemStatus> status = statuses.of(covenantId, recipient, ItemType.SIGNAAL);
    return latestSignals(covenantId, recipient).values().stream()
        .map(latest -> item(latest, status.getOrDefault(latest.routed().getSignalId(), ItemStatus.NIEUW)))
        .sorted(Comparator.comparing(SignalItem::routedAt).reversed())
        .toList();
  }

  /** The covenant's matches, in their latest revision, open ones first and newest first. */
  public List<MatchItem> matches(HubPrincipal caller, String covenantId) {
    String recipient = checkMember(caller, covenantId);
    Map<String, ItemStatus> status = statuses.of(covenantId, recipient, ItemType.MATCH);
    return latestMatches(covenantId, recipient).values().stream()
        .map(match -> item(match, status.getOrDefault(match.getMatchId(), ItemStatus.NIEUW), false))
        .sorted(Comparator.comparing(MatchItem::open).reversed().thenComparing(MatchItem::updatedAt,
            Comparator.reverseOrder()))
        .toList();
  }

  /** Opens one signal: the view is logged first, then identity and content are decrypted. */
  public OpenedSignal openSignal(HubPrincipal caller, String covenantId, String signalId) {
    String recipient = checkMember(caller, covenantId);
    Latest latest = Optional.ofNullable(latestSignals(covenantId, recipient).get(signalId)).orElseThrow(() ->
        notFound("SIGNAAL_ONBEKEND", "Er is geen signaal '" + signalId + "' in de inbox van dit convenant."));
    RoutedSignal routed = latest.routed();
    if (routed.getKind() == RoutedSignalKind.INTREKKING) {
      throw new InboxRefused(HttpStatus.GONE, "SIGNAAL_INGETROKKEN", "Signaal ingetrokken",
          "De leverancier heeft dit signaal ingetrokken; er is niets meer van in te zien.");
    }
    logView(caller, routed.getCovenantId(), routed.getCovenantVersion(), routed.getRecipient(),
        routed.getPseudonyms().get(0), signalId);
    RoutedSignalReader.OpenedSignal opened;
    try {
      opened = reader.open(routed);
    } catch (KeyUnavailable e) {
      throw unreadable();
    }
    SignalItem item = item(latest, statuses.of(covenantId, recipient, ItemType.SIGNAAL, signalId));
    Optional<SignalIdentity> identity = opened.identity();
    Optional<SignalContent> content = opened.content();
    return new OpenedSignal(item, identity.map(SignalIdentity::getBsn).orElse(null),
        identity.map(SignalIdentity::getName).orElse(null), identity.map(SignalIdentity::getDateOfBirth).orElse(null),
        identity.map(SignalIdentity::getAddress).orElse(null),
        content.map(SignalContent::getProfessionalName).orElse(null),
        content.map(SignalContent::getProfessionalContact).orElse(null), content.map(SignalContent::getNote)
        .orElse(null));
  }

  /** Opens one match: the view is logged first, then the contact professional of each signal is decrypted. */
  public MatchItem openMatch(HubPrincipal caller, String covenantId, String matchId) {
    String recipient = checkMember(caller, covenantId);
    Match match = Optional.ofNullable(latestMatches(covenantId, recipient).get(matchId)).orElseThrow(() ->
        notFound("MATCH_ONBEKEND", "Er is geen match '" + matchId + "' in de inbox van dit convenant."));
    logView(caller, covenantId, versionOf(match), match.getRecipient(), match.getPseudonym(), null);
    try {
      return item(match, statuses.of(covenantId, recipient, ItemType.MATCH, matchId), true);
    } catch (KeyUnavailable e) {
      throw unreadable();
    }
  }

  /**
   * Sets an item's status for the caller's recipient only (another recipient of the covenant has the same signal ids
   * and keeps its own status); the change is kept with the member who made it.
   */
  public void changeStatus(HubPrincipal caller, String covenantId, ItemType type, String itemId,
      ItemStatus status) {
    String recipient = checkMember(caller, covenantId);
    Optional<String> keyPeriod = type == ItemType.SIGNAAL
        ? Optional.ofNullable(latestSignals(covenantId, recipient).get(itemId)).map(l -> l.routed().getKeyPeriod())
        : Optional.ofNullable(latestMatches(covenantId, recipient).get(itemId)).map(Inbox::lastKeyPeriod);
    if (keyPeriod.isEmpty()) {
      throw notFound(type == ItemType.SIGNAAL ? "SIGNAAL_ONBEKEND" : "MATCH_ONBEKEND", "Er is geen "
          + (type == ItemType.SIGNAAL ? "signaal" : "match") + " '" + itemId + "' in de inbox van dit convenant.");
    }
    statuses.change(covenantId, recipient, type, itemId, status, keyPeriod.get(), caller.name(), clock.instant());
  }

  /** A match stays readable until the key of its latest signal's month goes; its status row stays as long. */
  private static String lastKeyPeriod(Match match) {
    return match.getSignals().stream().map(MatchedSignal::getKeyPeriod).max(Comparator.naturalOrder())
        .orElseThrow();
  }

  /** The recipient whose copies the caller reads, once it is clear the caller is a member of the covenant. */
  private String checkMember(HubPrincipal caller, String covenantId) {
    if (!covenants.ids().contains(covenantId)) {
      throw notFound("CONVENANT_ONBEKEND", "Er is geen convenant '" + covenantId + "'.");
    }
    if (!InboxMembership.covenantsOf(caller).contains(covenantId)) {
      throw new InboxRefused(HttpStatus.FORBIDDEN, "CONVENANT_NIET_TOEGESTAAN", "Geen toegang",
          "U ziet alleen de inbox van het MultiTeam van uw eigen convenant: "
              + String.join(", ", covenantsOf(caller)) + ".");
    }
    return InboxMembership.recipientOf(caller, covenantId, covenants.versions(covenantId));
  }

  /**
   * Logs the view and returns only once Kafka confirmed it: without its log record, the data is not shown. The
   * member is named in the access record only, never in the processing record.
   */
  private void logView(HubPrincipal caller, String covenantId, int version, String recipient, String pseudonym,
      String signalId) {
    Instant now = clock.instant();
    ProcessingRecord viewed = ProcessingSteps.at(VIEWED, now)
        .setProcessingActivityId(activityOf(covenantId, version))
        .setOrganisation(recipient)
        .setDataSubjectId(pseudonym)
        .setDataSubjectIdType("pseudoniem:" + covenantId)
        .setCovenantId(covenantId)
        .setCovenantVersion(version)
        .setSignalId(signalId)
        .build();
    AccessRecord member = AccessRecord.newBuilder()
        .setTraceId(viewed.getTraceId())
        .setSpanId(viewed.getSpanId())
        .setActingPerson(caller.name())
        .setRole("multiteam-lid:" + covenantId)
        .setOrganisation(recipient)
        .setAccessedAt(now)
        .build();
    try {
      log.recordAndConfirm(viewed, member);
    } catch (PublishFailed e) {
      throw new InboxRefused(HttpStatus.SERVICE_UNAVAILABLE, "LOG_NIET_BESCHIKBAAR", "Nu niet in te zien",
          "Inzien wordt eerst in het verwerkingenlog vastgelegd, en dat lukt nu niet. Probeer het later opnieuw.");
    }
  }

  private String activityOf(String covenantId, int version) {
    return covenants.versions(covenantId).stream().filter(v -> v.version() == version).findFirst()
        .map(v -> v.processingActivityUri().toString())
        .orElseThrow(() -> new IllegalStateException("Covenant " + covenantId + " has no version " + version
            + "; a signed version must never be removed"));
  }

  /**
   * A match names no covenant version; its latest signal's routed version governs it. Without any of its signals
   * left on the topic, the covenant's retention has passed for the match too.
   */
  private int versionOf(Match match) {
    Map<String, Latest> signals = latestSignals(match.getCovenantId(), match.getRecipient());
    return match.getSignals().stream().map(s -> signals.get(s.getSignalId())).filter(java.util.Objects::nonNull)
        .max(Comparator.comparing(s -> s.routed().getRoutedAt()))
        .map(s -> s.routed().getCovenantVersion())
        .orElseThrow(() -> unreadable());
  }

  /** The latest record of each signal, and whether a correction replaced the first. */
  private record Latest(RoutedSignal routed, boolean corrected) {}

  /** The recipient's own copies only: each recipient of a covenant gets its own copy of a signal, sealed for it. */
  private Map<String, Latest> latestSignals(String covenantId, String recipient) {
    Map<String, Latest> latest = new LinkedHashMap<>();
    // By when each was routed, not in reading order: a correction of a mistyped BSN is keyed by the other person's
    // pseudonym, so it may sit on another partition and be read before the signal it corrects.
    List<RoutedSignal> routed = new ArrayList<>(topics.signals(covenantId).stream()
        .filter(s -> recipient.equals(s.getRecipient())).toList());
    routed.sort(Comparator.comparing(RoutedSignal::getRoutedAt));
    for (RoutedSignal signal : routed) {
      Latest before = latest.get(signal.getSignalId());
      boolean corrected = signal.getKind() == RoutedSignalKind.CORRECTIE || before != null && before.corrected();
      if (signal.getKind() == RoutedSignalKind.INTREKKING && before != null) {
        // A withdrawal carries no content; the list keeps what it showed of the signal, marked withdrawn.
        RoutedSignal withdrawn = RoutedSignal.newBuilder(before.routed()).setKind(RoutedSignalKind.INTREKKING)
            .setIdentity(null).setContent(null).build();
        latest.put(signal.getSignalId(), new Latest(withdrawn, corrected));
      } else {
        latest.put(signal.getSignalId(), new Latest(signal, corrected));
      }
    }
    return latest;
  }

  private Map<String, Match> latestMatches(String covenantId, String recipient) {
    Map<String, Match> latest = new LinkedHashMap<>();
    for (Match match : topics.matches(covenantId)) {
      if (!recipient.equals(match.getRecipient())) {
        continue;
      }
      latest.merge(match.getMatchId(), match, (a, b) -> b.getRevision() >= a.getRevision() ? b : a);
    }
    return latest;
  }

  private SignalItem item(Latest latest, ItemStatus status) {
    RoutedSignal s = latest.routed();
    return new SignalItem(s.getSignalId(), s.getSupplier(), partnerName(s.getSupplier()), s.getSignalType(),
        s.getWijk(), s.getSignalDate(), s.getUrgency(), s.getRoutedAt(), s.getKind() == RoutedSignalKind.INTREKKING,
        latest.corrected(), status);
  }

  private MatchItem item(Match match, ItemStatus status, boolean withContacts) {
    List<MatchedSupplier> signals = match.getSignals().stream().map(s -> matched(match, s, withContacts)).toList();
    return new MatchItem(match.getMatchId(), match.getStatus() == MatchStatus.OPEN, match.getRevision(), signals,
        match.getOpenUntil(), match.getUpdatedAt(), status);
  }

  private MatchedSupplier matched(Match match, MatchedSignal signal, boolean withContact) {
    Optional<SignalContent> contact = withContact ? reader.contactOf(match, signal) : Optional.empty();
    return new MatchedSupplier(signal.getSignalId(), signal.getSupplier(), partnerName(signal.getSupplier()),
        signal.getSignalDate(), contact.map(SignalContent::getProfessionalName).orElse(null),
        contact.map(SignalContent::getProfessionalContact).orElse(null));
  }

  private String partnerName(String partnerId) {
    return reference.partner(partnerId).map(Partner::name).orElse(partnerId);
  }

  private static InboxRefused notFound(String code, String detail) {
    return new InboxRefused(HttpStatus.NOT_FOUND, code, "Niet gevonden", detail);
  }

  private static InboxRefused unreadable() {
    return new InboxRefused(HttpStatus.GONE, "NIET_MEER_LEESBAAR", "Niet meer leesbaar",
        "De bewaartermijn van dit item is voorbij: de sleutel is vernietigd en niemand kan het nog lezen.");
  }
}
