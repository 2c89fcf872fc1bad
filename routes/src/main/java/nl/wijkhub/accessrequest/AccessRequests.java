package nl.wijkhub.accessrequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.covenant.ProcessingActivity;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.ProcessingLogStore;
import nl.wijkhub.privacy.Pseudonyms;
import nl.wijkhub.privacy.TraceIds;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;

/**
 * Answers an access request: the BSN becomes its pseudonym under every kept key version of every covenant the
 * officer's municipality controls, and the processing log lists what happened under those pseudonyms. The look-up
 * is logged (and confirmed by Kafka) before the answer is returned; the BSN itself is never logged or stored.
 */
final class AccessRequests {

  /** What the officer does with the answer; the processing log's operation name for the look-up. */
  enum Use {
    VIEW("ingezien"), EXPORT("geexporteerd");

    private final String step;

    Use(String step) {
      this.step = step;
    }
  }

  private static final String HUB = "wijkhub";
  private static final Comparator<ProcessingLogStore.Step> IN_ORDER = Comparator
      .comparing(ProcessingLogStore.Step::startTime)
      .thenComparing(step -> rank(step.name()))
      .thenComparing(ProcessingLogStore.Step::organisation)
      .thenComparing(step -> step.signalId() == null ? "" : step.signalId());

  private final OfficerScope scope;
  private final Covenants covenants;
  private final Pseudonyms pseudonyms;
  private final ProcessingLogStore store;
  private final ProcessingLog log;
  private final ReferenceData reference;
  private final Clock clock;

  AccessRequests(OfficerScope scope, Covenants covenants, Pseudonyms pseudonyms, ProcessingLogStore store,
      ProcessingLog log, ReferenceData reference, Clock clock) {
    this.scope = scope;
    this.covenants = covenants;
    this.pseudonyms = pseudonyms;
    this.store = store;
    this.log = log;
    this.reference = reference;
    this.clock = clock;
  }

  /** {@code bsn} has passed {@link BsnInput}. */
  AccessAnswer answer(HubPrincipal officer, String bsn, Use use) {
    Instant start = clock.instant();
    Map<String, List<String>> byCovenant = new LinkedHashMap<>();
    scope.covenantsOf(officer.municipalities()).forEach(c -> byCovenant.put(c, pseudonyms.forLookup(c, bsn)));
    List<ProcessingLogStore.Step> found = store.stepsAbout(
        byCovenant.values().stream().flatMap(List::stream).toList(), byCovenant.keySet());
    logLookup(officer, byCovenant, use, start);
    List<String> searched = byCovenant.keySet().stream()
        .map(c -> covenants.versions(c).get(covenants.versions(c).size() - 1).covenantName()).toList();
    return new AccessAnswer(searched, found.stream().sorted(IN_ORDER).map(this::row).toList());
  }

  /** The steps of one signal share their start; within it, the order in which the hub takes them. */
  private static int rank(String step) {
    return switch (step) {
      case "ontvangen", "geweigerd" -> 0;
      case "gepseudonimiseerd" -> 1;
      case "doorgestuurd", "gecorrigeerd", "ingetrokken" -> 2;
      case "gematcht" -> 3;
      case "genotificeerd" -> 4;
      default -> 5;
    };
  }

  private AccessAnswer.Step row(ProcessingLogStore.Step step) {
    Optional<CovenantVersion> version = covenants.versions(step.covenantId()).stream()
        .filter(v -> step.covenantVersion() != null && v.version() == step.covenantVersion()).findFirst();
    String party = step.organisation();
    String partyName = HUB.equals(party) ? "Wijkhub (gegevensknooppunt van de gemeente)"
        : reference.partner(party).map(Partner::name).orElse(party);
    return version.map(v -> new AccessAnswer.Step(step.startTime(), step.name(), party, partyName,
            v.covenantName(), v.version(), v.activity().name(), v.purpose(), v.legalGround(),
            DataCategories.of(v, party, step.name()), step.signalId()))
        // A version no longer configured: the log still says what happened, the register no longer why.
        .orElseGet(() -> new AccessAnswer.Step(step.startTime(), step.name(), party, partyName, step.covenantId(),
            step.covenantVersion() == null ? 0 : step.covenantVersion(), step.processingActivityId(),
            "(versie niet meer in de configuratie)", "", List.of(), step.signalId()));
  }

  /**
   * One record per covenant searched, under the municipality's access-request activity, with the pseudonym as
   * subject and the officer in the access log. Outside the covenant (no covenant id), so that an access request
   * never shows up as processing under the covenant in a later answer.
   */
  private void logLookup(HubPrincipal officer, Map<String, List<String>> byCovenant, Use use, Instant start) {
    for (String municipality : officer.municipalities()) {
      Optional<ProcessingActivity> activity = scope.accessRequestActivity(municipality);
      List<String> ownCovenants = scope.covenantsOf(List.of(municipality));
      if (activity.isEmpty() || ownCovenants.isEmpty()) {
        continue;
      }
      String traceId = TraceIds.newTraceId();
      for (String covenant : ownCovenants) {
        List<String> kept = byCovenant.getOrDefault(covenant, List.of());
        String newest = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        String spanId = TraceIds.newSpanId();
        log.recordAndConfirm(ProcessingRecord.newBuilder()
            .setTraceId(traceId)
            .setSpanId(spanId)
            .setName(use.step)
            .setStartTime(start)
            .setEndTime(clock.instant())
            .setStatus(ProcessingStatus.OK)
            .setProcessingActivityId(scope.activityUri(activity.get()).toString())
            .setOrganisation(activity.get().controller())
            .setDataSubjectId(newest)
            .setDataSubjectIdType(newest == null ? null : "pseudoniem:" + covenant)
            .build(), AccessRecord.newBuilder()
            .setTraceId(traceId)
            .setSpanId(spanId)
            .setActingPerson(officer.name())
            .setRole("privacy-officer:" + municipality)
            .setOrganisation(activity.get().controller())
            .setAccessedAt(clock.instant())
            .build());
      }
    }
  }
}
