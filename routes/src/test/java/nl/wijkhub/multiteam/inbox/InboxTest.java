package nl.wijkhub.multiteam.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.multiteam.inbox.InboxViews.SignalItem;
import nl.wijkhub.security.HubPrincipal;
import nl.wijkhub.security.Role;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the inbox lists, without Kafka or a database: the records its topic reader would read, in a chosen order.
 * A covenant made by hand routes each signal to two recipients; a member of one sees only that one's copies.
 */
class InboxTest {

  private static final String COVENANT = "twee-ontvangers";
  private static final String A = "pmg-multiteam";
  private static final String B = "gemeente-leeuwarden";
  private static final Instant ROUTED = Instant.parse("2026-11-02T09:00:00Z");

  @TempDir
  Path config;

  /** The topic reader's records as given, in that order: no broker. */
  private static final class GivenTopics extends CovenantTopicReader {
    private final List<RoutedSignal> signals;
    private final List<Match> matches;

    GivenTopics(List<RoutedSignal> signals, List<Match> matches) {
      super(null, null);
      this.signals = signals;
      this.matches = matches;
    }

    @Override
    List<RoutedSignal> signals(String covenantId) {
      return signals;
    }

    @Override
    List<Match> matches(String covenantId) {
      return matches;
    }
  }

  /** No status set yet: every item is new. The data source is never connected. */
  private static final class NoStatuses extends InboxStatuses {
    NoStatuses() {
      super(new JdbcDataSource());
    }

    @Override
    Map<String, ItemStatus> of(String covenantId, String recipient, ItemType type) {
      return Map.of();
    }
  }

  @Test
  void aMemberOfOneRecipientSeesOnlyThatRecipientsCopiesOfSignalsAndMatches() throws IOException {
    RoutedSignal forA = routed("s-1", A, "ikc-1", RoutedSignalKind.NIEUW, ROUTED);
    RoutedSignal forB = routed("s-1", B, "ikc-1", RoutedSignalKind.NIEUW, ROUTED);
    RoutedSignal onlyForB = routed("s-2", B, "politie-leeuwarden-oost", RoutedSignalKind.NIEUW, ROUTED);
    Inbox inbox = inbox(List.of(forB, forA, onlyForB), List.of(match("m-b", B), match("m-a", A)));
    HubPrincipal memberOfA = member(COVENANT + "/" + A);

    assertThat(inbox.signals(memberOfA, COVENANT)).extracting(SignalItem::signalId).containsExactly("s-1");
    assertThat(inbox.signals(member(COVENANT + "/" + B), COVENANT)).extracting(SignalItem::signalId)
        .containsExactlyInAnyOrder("s-1", "s-2");
    assertThat(inbox.matches(memberOfA, COVENANT)).extracting(InboxViews.MatchItem::matchId)
        .containsExactly("m-a");
    assertThatThrownBy(() -> inbox.openSignal(memberOfA, COVENANT, "s-2")).isInstanceOfSatisfying(
        InboxRefused.class, e -> assertThat(e.code()).isEqualTo("SIGNAAL_ONBEKEND"));
    assertThatThrownBy(() -> inbox.openMatch(memberOfA, COVENANT, "m-b")).isInstanceOfSatisfying(
        InboxRefused.class, e -> assertThat(e.code()).isEqualTo("MATCH_ONBEKEND"));
  }

  @Test
  void aGrantThatNamesNoRecipientIsRefusedWhereTheCovenantHasTwo() throws IOException {
    Inbox inbox = inbox(List.of(routed("s-1", A, "ikc-1", RoutedSignalKind.NIEUW, ROUTED)), List.of());

    assertThatThrownBy(() -> inbox.signals(member(COVENANT), COVENANT)).isInstanceOfSatisfying(InboxRefused.class,
        e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(403);
          assertThat(e.code()).isEqualTo("ONTVANGER_ONBEKEND");
          assertThat(e.getReason()).contains("multiteam:" + COVENANT + "/<ontvanger>");
        });
    assertThat(inbox.covenantsOf(member(COVENANT + "/" + A))).containsExactly(COVENANT);
  }

  @Test
  void theLatestStateOfASignalIsTheLastRoutedNotTheLastRead() throws IOException {
    // The correction of a mistyped BSN is keyed by another pseudonym, so its partition may be read first.
    RoutedSignal correction = routed("s-1", A, "ikc-1", RoutedSignalKind.CORRECTIE, ROUTED.plusSeconds(60));
    RoutedSignal original = routed("s-1", A, "ikc-1", RoutedSignalKind.NIEUW, ROUTED);
    RoutedSignal withdrawal = routed("s-2", A, "ikc-2", RoutedSignalKind.INTREKKING, ROUTED.plusSeconds(60));
    RoutedSignal withdrawn = routed("s-2", A, "ikc-2", RoutedSignalKind.NIEUW, ROUTED);
    Inbox inbox = inbox(List.of(correction, withdrawal, original, withdrawn), List.of());

    List<SignalItem> items = inbox.signals(member(COVENANT + "/" + A), COVENANT);

    assertThat(items).filteredOn(i -> i.signalId().equals("s-1")).singleElement().satisfies(i -> {
      assertThat(i.corrected()).as("shown as corrected").isTrue();
      assertThat(i.routedAt()).isEqualTo(ROUTED.plusSeconds(60));
    });
    assertThat(items).filteredOn(i -> i.signalId().equals("s-2")).singleElement()
        .satisfies(i -> assertThat(i.withdrawn()).as("shown as withdrawn").isTrue());
  }

  private Inbox inbox(List<RoutedSignal> signals, List<Match> matches) throws IOException {
    Files.copy(Path.of("../config/verwerkingsregister.yaml"), config.resolve("verwerkingsregister.yaml"));
    Files.createDirectories(config.resolve("covenants"));
    Files.writeString(config.resolve("covenants/" + COVENANT + ".yaml"), """
        id: twee-ontvangers
        name: Convenant met twee ontvangers
        versions:
          - version: 1
            validFrom: 2024-01-01
            purpose: Jongeren vroeg signaleren.
            legalGround: AVG art. 6 lid 1 sub e.
            processingActivity: pmg-multiteam-signalen
            parties: [politie-leeuwarden-oost, ikc-1, ikc-2, pmg-multiteam, gemeente-leeuwarden]
            suppliers:
              - {partner: politie-leeuwarden-oost, signalTypes: [JONGERE_IN_BEELD]}
              - {partner: ikc-1, signalTypes: [SCHOOLVERZUIM]}
              - {partner: ikc-2, signalTypes: [SCHOOLVERZUIM]}
            recipients:
              - {partner: pmg-multiteam, fields: [wijk, signalDate, identity.bsn]}
              - {partner: gemeente-leeuwarden, fields: [wijk, signalDate]}
            channels: [api]
            retention: P18M
            matchWindow: P6M
            notifyProfessionals: false
        """);
    Covenants covenants = new CovenantLoader(new PathMatchingResourcePatternResolver())
        .load(config.toUri().toString(), Fixtures.reference());
    return new Inbox(new GivenTopics(signals, matches), new NoStatuses(), null, null, covenants,
        Fixtures.reference(), Clock.systemUTC());
  }

  private static HubPrincipal member(String grant) {
    return new HubPrincipal("lid", Set.of(Role.MULTITEAM), null, Set.of(), Set.of(grant), Set.of(), true);
  }

  private static RoutedSignal routed(String id, String recipient, String supplier, RoutedSignalKind kind,
      Instant routedAt) {
    return RoutedSignal.newBuilder().setSignalId(id).setKind(kind).setCovenantId(COVENANT).setCovenantVersion(1)
        .setRecipient(recipient).setSupplier(supplier).setSignalType("SCHOOLVERZUIM").setPseudonyms(List.of("v1:x"))
        .setKeyPeriod("2026-11").setWijk("BILG").setSignalDate(LocalDate.of(2026, 11, 1))
        .setIdentity(kind == RoutedSignalKind.INTREKKING ? null : ByteBuffer.wrap(new byte[] {1}))
        .setRoutedAt(routedAt).build();
  }

  private static Match match(String id, String recipient) {
    MatchedSignal signal = MatchedSignal.newBuilder().setSignalId("s-1").setSupplier("ikc-1")
        .setSignalDate(LocalDate.of(2026, 11, 1)).setKeyPeriod("2026-11").build();
    return Match.newBuilder().setMatchId(id).setStatus(MatchStatus.OPEN).setRevision(1).setCovenantId(COVENANT)
        .setRecipient(recipient).setPseudonym("v1:x").setSignals(List.of(signal, signal))
        .setOpenUntil(LocalDate.of(2027, 5, 1)).setUpdatedAt(ROUTED).build();
  }
}
