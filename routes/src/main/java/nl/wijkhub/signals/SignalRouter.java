package nl.wijkhub.signals;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;
import nl.wijkhub.covenant.Channel;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.covenant.RoutedFields;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.Signal;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.events.SignalIdentity;
import nl.wijkhub.events.SignalRegistration;
import nl.wijkhub.events.SignalStatus;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.Pseudonyms;
import nl.wijkhub.privacy.RecipientCipher;
import nl.wijkhub.privacy.TraceIds;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Routes a validated signal under the covenant that governs it: the subject becomes the covenant's pseudonym, each
 * recipient gets a {@link RoutedSignal} with only the fields the covenant permits it (identity and content sealed for
 * that recipient), and every step is a processing-log record in the delivery's transaction, so that no routed signal
 * is visible without its log and no log record without its step.
 */
final class SignalRouter {

  /** Why a valid signal is routed to no one; the row is refused with this code. */
  record NotRouted(String code, String message) {}

  /**
   * What became of a signal: refused with a reason, or routed (in a trial: would be) with its registration and,
   * unless a trial, the registration's record in the delivery's transaction.
   */
  record Outcome(Optional<NotRouted> refused, SignalRegistration registration, Future<RecordMetadata> registered) {}

  private final Covenants covenants;
  private final CovenantTopics topics;
  private final Pseudonyms pseudonyms;
  private final RecipientCipher cipher;
  private final ProcessingLog log;
  private final Clock clock;

  SignalRouter(Covenants covenants, CovenantTopics topics, Pseudonyms pseudonyms, RecipientCipher cipher,
      ProcessingLog log, Clock clock) {
    this.covenants = covenants;
    this.topics = topics;
    this.pseudonyms = pseudonyms;
    this.cipher = cipher;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Routes the signal into {@code tx} with its registration in the signal register, or says why not (the refusal is
   * logged too). A trial stops after the checks: it makes no pseudonym and seals nothing, so it creates no key.
   *
   * @param registeredCovenant for a correction or withdrawal, the covenant its signal was shared under; null for a
   *     new signal
   */
  Outcome route(ValidatedSignal validated, Delivery delivery, EventTransaction tx, String registeredCovenant) {
    Signal signal = validated.signal();
    Instant start = clock.instant();
    String traceId = TraceIds.newTraceId();
    Optional<CovenantVersion> governing = covenants.governing(signal.getSupplier(), signal.getType(),
        signal.getSignalDate());
    if (governing.isEmpty()) {
      return refuse(tx, traceId, start, signal, null, "GEEN_CONVENANT", "Onder geen geldig convenant mag uw"
          + " organisatie dit soort signaal op deze datum delen. Er is niets doorgestuurd. Neem contact op met de"
          + " functionaris gegevensbescherming als dat wel zo zou moeten zijn.");
    }
    CovenantVersion covenant = governing.get();
    if (!covenant.channels().contains(channelOf(delivery))) {
      return refuse(tx, traceId, start, signal, covenant, "KANAAL_NIET_TOEGESTAAN", "Het convenant "
          + covenant.covenantName() + " staat dit aanleverkanaal niet toe voor signalen. Er is niets doorgestuurd.");
    }
    if (registeredCovenant != null && !registeredCovenant.equals(covenant.covenantId())) {
      // The recipients of the new covenant never had the signal, and those of the old one would keep it: a
      // correction or withdrawal goes to the signal's own recipients or nowhere.
      return refuse(tx, traceId, start, signal, covenant, "ANDER_CONVENANT", validated.action()
          == RoutedSignalKind.INTREKKING
          ? "Door de soort of datum valt deze intrekking onder een ander convenant dan het signaal. Geef bij het"
              + " intrekken dezelfde soort en datum als in het signaal. Er is niets doorgestuurd."
          : "Door de nieuwe soort of datum zou het signaal onder een ander convenant vallen; een correctie kan dat"
              + " niet. Trek het signaal in en geef een nieuw signaal. Er is niets doorgestuurd.");
    }
    YearMonth period = YearMonth.from(signal.getSignalDate());
    if (!cipher.canSeal(covenant.covenantId(), period)) {
      return refuse(tx, traceId, start, signal, covenant, "PERIODE_VERNIETIGD", "De bewaartermijn van het"
          + " convenant " + covenant.covenantName() + " is voor signalen uit " + period + " verstreken en de"
          + " gegevens van die maand zijn vernietigd. Een signaal met een datum in die maand kan niet meer worden"
          + " gedeeld. Er is niets doorgestuurd.");
    }
    SignalRegistration registration = SignalRegistration.newBuilder()
        .setSignalId(signal.getSignalId())
        .setSupplier(signal.getSupplier())
        .setCovenantId(covenant.covenantId())
        .setStatus(validated.action() == RoutedSignalKind.INTREKKING ? SignalStatus.INGETROKKEN : SignalStatus.ACTIEF)
        .setRegisteredAt(start)
        .build();
    if (delivery.dryRun()) {
      return new Outcome(Optional.empty(), registration, null);
    }
    List<String> subject = pseudonyms.forMatching(covenant.covenantId(), covenant.matchWindow(), subjectKey(signal));
    String received = step(tx, traceId, null, "ontvangen", start, covenant, signal, subject.get(0),
        signal.getSupplier(), null);
    String pseudonymised = step(tx, traceId, received, "gepseudonimiseerd", start, covenant, signal,
        subject.get(0), "wijkhub", null);
    String operation = switch (validated.action()) {
      case NIEUW -> "doorgestuurd";
      case CORRECTIE -> "gecorrigeerd";
      case INTREKKING -> "ingetrokken";
    };
    for (CovenantVersion.Recipient recipient : covenant.recipients()) {
      RoutedSignal routed = routed(validated, covenant, recipient, subject);
      tx.send(topics.signals(covenant.covenantId()), subject.get(0), routed);
      step(tx, traceId, pseudonymised, operation, start, covenant, signal, subject.get(0), recipient.partner(),
          null);
    }
    Future<RecordMetadata> registered = tx.send(Topics.SIGNAL_REGISTER, signal.getSignalId(), registration);
    return new Outcome(Optional.empty(), registration, registered);
  }

  private RoutedSignal routed(ValidatedSignal validated, CovenantVersion covenant,
      CovenantVersion.Recipient recipient, List<String> subject) {
    Signal signal = validated.signal();
    YearMonth period = YearMonth.from(signal.getSignalDate());
    boolean withdrawal = validated.action() == RoutedSignalKind.INTREKKING;
    return RoutedSignal.newBuilder()
        .setSignalId(signal.getSignalId())
        .setKind(validated.action())
        .setCovenantId(covenant.covenantId())
        .setCovenantVersion(covenant.version())
        .setRecipient(recipient.partner())
        .setSupplier(signal.getSupplier())
        .setSignalType(signal.getType().name())
        .setPseudonyms(subject)
        .setKeyPeriod(period.toString())
        .setWijk(recipient.permits("wijk") ? signal.getWijk() : null)
        .setSignalDate(recipient.permits("signalDate") ? signal.getSignalDate() : null)
        .setUrgency(recipient.permits("urgency") ? signal.getUrgency().name() : null)
        .setIdentity(withdrawal ? null : seal(covenant, period, recipient, signal, RoutedFields.IDENTITY,
            identity(signal, recipient)))
        .setContent(withdrawal ? null : seal(covenant, period, recipient, signal, RoutedFields.CONTENT,
            content(signal, recipient)))
        .setRoutedAt(clock.instant())
        .build();
  }

  private java.nio.ByteBuffer seal(CovenantVersion covenant, YearMonth period, CovenantVersion.Recipient recipient,
      Signal signal, String part, org.apache.avro.specific.SpecificRecordBase payload) {
    if (payload == null) {
      return null;
    }
    Envelope envelope = new Envelope(covenant.covenantId(), period, recipient.partner(), signal.getSignalId(), part);
    return java.nio.ByteBuffer.wrap(cipher.seal(envelope, payload));
  }

  /** Only the permitted identity fields; none permitted: no identity part at all. */
  private static SignalIdentity identity(Signal signal, CovenantVersion.Recipient recipient) {
    if (recipient.fields().stream().noneMatch(f -> f.startsWith(RoutedFields.IDENTITY + "."))) {
      return null;
    }
    return SignalIdentity.newBuilder()
        .setBsn(permits(recipient, RoutedFields.IDENTITY, "bsn") ? signal.getBsn() : null)
        .setName(permits(recipient, RoutedFields.IDENTITY, "name") ? signal.getName() : null)
        .setDateOfBirth(permits(recipient, RoutedFields.IDENTITY, "dateOfBirth") ? signal.getDateOfBirth() : null)
        .setAddress(permits(recipient, RoutedFields.IDENTITY, "address") ? signal.getAddress() : null)
        .build();
  }

  private static SignalContent content(Signal signal, CovenantVersion.Recipient recipient) {
    if (recipient.fields().stream().noneMatch(f -> f.startsWith(RoutedFields.CONTENT + "."))) {
      return null;
    }
    return SignalContent.newBuilder()
        .setProfessionalName(permits(recipient, RoutedFields.CONTENT, "professionalName")
            ? signal.getProfessionalName() : null)
        .setProfessionalContact(permits(recipient, RoutedFields.CONTENT, "professionalContact")
            ? signal.getProfessionalContact() : null)
        .setNote(permits(recipient, RoutedFields.CONTENT, "note") ? signal.getNote() : null)
        .build();
  }

  private static boolean permits(CovenantVersion.Recipient recipient, String part, String field) {
    return recipient.permits(part + "." + field);
  }

  /**
   * Logs a row refused before routing (invalid, or a correction of a signal that is not the supplier's): no covenant
   * and no pseudonym, only who and why, and the signal referred to if any.
   */
  void refused(EventTransaction tx, String supplier, String code, String signalId) {
    Instant now = clock.instant();
    log.record(tx, ProcessingRecord.newBuilder()
        .setTraceId(TraceIds.newTraceId())
        .setSpanId(TraceIds.newSpanId())
        .setName("geweigerd")
        .setStartTime(now)
        .setEndTime(now)
        .setStatus(ProcessingStatus.UNSET)
        .setProcessingActivityId(covenants.activityUri(Covenants.REFUSAL_ACTIVITY).toString())
        .setOrganisation(supplier)
        .setSignalId(signalId)
        .setReasonCode(code)
        .build());
  }

  private Outcome refuse(EventTransaction tx, String traceId, Instant start, Signal signal,
      CovenantVersion covenant, String code, String message) {
    step(tx, traceId, null, "geweigerd", start, covenant, signal, null, signal.getSupplier(), code);
    return new Outcome(Optional.of(new NotRouted(code, message)), null, null);
  }

  /** Writes one processing record into the transaction and returns its span id. */
  private String step(EventTransaction tx, String traceId, String parent, String name, Instant start,
      CovenantVersion covenant, Signal signal, String pseudonym, String organisation, String reasonCode) {
    String spanId = TraceIds.newSpanId();
    log.record(tx, ProcessingRecord.newBuilder()
        .setTraceId(traceId)
        .setSpanId(spanId)
        .setParentSpanId(parent)
        .setName(name)
        .setStartTime(start)
        .setEndTime(clock.instant())
        .setStatus(reasonCode == null ? ProcessingStatus.OK : ProcessingStatus.UNSET)
        .setProcessingActivityId(covenant == null ? covenants.activityUri(Covenants.REFUSAL_ACTIVITY).toString()
            : covenant.processingActivityUri().toString())
        .setOrganisation(organisation)
        .setDataSubjectId(pseudonym)
        .setDataSubjectIdType(pseudonym == null ? null : "pseudoniem:" + covenant.covenantId())
        .setCovenantId(covenant == null ? null : covenant.covenantId())
        .setCovenantVersion(covenant == null ? null : covenant.version())
        .setSignalId(signal.getSignalId())
        .setReasonCode(reasonCode)
        .build());
    return spanId;
  }

  /** The subject a pseudonym is made of: the BSN, or for a place signal without one, the address. */
  private static String subjectKey(Signal signal) {
    return signal.getBsn() != null ? signal.getBsn()
        : "adres:" + signal.getAddress().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static Channel channelOf(Delivery delivery) {
    return switch (delivery.channel()) {
      case "API" -> Channel.API;
      case "SFTP" -> Channel.SFTP;
      case "FILE" -> Channel.DROP_FOLDER;
      default -> throw new IllegalArgumentException("Signals never come in by " + delivery.channel());
    };
  }
}
