package nl.wijkhub.multiteam.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.multiteam.notify.MatchNotification.Professional;
import nl.wijkhub.multiteam.notify.NotificationPlanner.Told;
import org.junit.jupiter.api.Test;

/**
 * The rule of who is told about whom: each professional of an open match learns of each professional of another
 * supplier exactly once, only by e-mail address, and the mail says nothing about the person.
 */
class NotificationPlannerTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private final NotificationPlanner planner = new NotificationPlanner(id -> "Organisatie " + id);
  private final Map<String, SignalContent> contacts = Map.of(
      "s-politie", contact("Agent Jansen", "jansen@politie.example"),
      "s-school", contact("Meester Bakker", "bakker@ikc-1.example"),
      "s-amaryllis", contact("Sanne de Vries", "s.devries@amaryllis.example"),
      "s-politie-2", contact("Agent Visser", "0580-123456"));

  @Test
  void whenAMatchOpensEachProfessionalIsToldOfTheOther() {
    List<MatchNotification> planned = planner.plan(match(MatchStatus.OPEN, "s-politie", "s-school"), contacts,
        "Convenant PmG", 2, Set.of());

    assertThat(planned).extracting(n -> n.told().signalId()).containsExactly("s-politie", "s-school");
    assertThat(planned.get(0).counterparts()).extracting(Professional::name, Professional::organisation,
        Professional::contact).containsExactly(org.assertj.core.groups.Tuple.tuple("Meester Bakker",
        "Organisatie ikc-1", "bakker@ikc-1.example"));
    assertThat(planned.get(1).counterparts()).extracting(Professional::signalId).containsExactly("s-politie");
  }

  @Test
  void aThirdSupplierIsToldOfAllWhileThoseToldBeforeLearnOnlyOfTheNewcomer() {
    Set<Told> toldBefore = told(planner.plan(match(MatchStatus.OPEN, "s-politie", "s-school"), contacts,
        "Convenant PmG", 2, Set.of()));

    List<MatchNotification> planned = planner.plan(match(MatchStatus.OPEN, "s-politie", "s-school", "s-amaryllis"),
        contacts, "Convenant PmG", 2, toldBefore);

    assertThat(planned).extracting(n -> n.told().signalId() + "->" + n.counterparts().stream()
        .map(Professional::signalId).toList())
        .containsExactly("s-politie->[s-amaryllis]", "s-school->[s-amaryllis]",
            "s-amaryllis->[s-politie, s-school]");
    toldBefore.addAll(told(planned));
    assertThat(planner.plan(match(MatchStatus.OPEN, "s-politie", "s-school", "s-amaryllis"), contacts,
        "Convenant PmG", 2, toldBefore)).as("the same revision again tells nobody").isEmpty();
  }

  @Test
  void aProfessionalWithATelephoneNumberIsNotMailedButNamedToOthersAndOneSupplierIsNotToldOfItself() {
    List<MatchNotification> planned = planner.plan(match(MatchStatus.OPEN, "s-politie", "s-politie-2", "s-school"),
        contacts, "Convenant PmG", 2, Set.of());

    assertThat(planned).extracting(n -> n.told().signalId() + "->" + n.counterparts().stream()
        .map(Professional::signalId).toList())
        .containsExactly("s-politie->[s-school]", "s-school->[s-politie, s-politie-2]");
  }

  @Test
  void aClosedMatchTellsNobody() {
    assertThat(planner.plan(match(MatchStatus.GESLOTEN, "s-politie", "s-school"), contacts, "Convenant PmG", 2,
        Set.of())).isEmpty();
  }

  @Test
  void onlyAPlainEmailAddressCounts() {
    assertThat(NotificationPlanner.emailAddress(" bakker@ikc-1.example ")).contains("bakker@ikc-1.example");
    assertThat(NotificationPlanner.emailAddress("058-2000000")).isEmpty();
    assertThat(NotificationPlanner.emailAddress("Bakker <bakker@ikc-1.example>")).isEmpty();
    assertThat(NotificationPlanner.emailAddress("bakker@ikc-1.example, ander@x.example")).isEmpty();
    assertThat(NotificationPlanner.emailAddress(null)).isEmpty();
  }

  @Test
  void theMailNamesTheOtherProfessionalsAndReferencesButNothingAboutThePerson() {
    MatchNotification notification = planner.plan(match(MatchStatus.OPEN, "s-politie", "s-school"), contacts,
        "Convenant PmG", 2, Set.of()).get(0);

    String body = NotificationMessages.body(notification);

    assertThat(body).startsWith("Beste Agent Jansen,")
        .contains("uw kenmerk s-politie", "- Meester Bakker, Organisatie ikc-1: bakker@ikc-1.example",
            "Kenmerk van de match: m-1.")
        .doesNotContain("v1:pseudoniem", "JONGERE_IN_BEELD", "2026-03-02");
    assertThat(NotificationMessages.SUBJECT).doesNotContain("m-1");
  }

  private static Set<Told> told(List<MatchNotification> notifications) {
    Set<Told> told = new HashSet<>();
    notifications.forEach(n -> n.counterparts().forEach(c -> told.add(new Told(n.told().signalId(),
        c.signalId()))));
    return told;
  }

  private static Match match(MatchStatus status, String... signalIds) {
    return Match.newBuilder().setMatchId("m-1").setStatus(status).setRevision(1).setCovenantId("pmg-leeuwarden-oost")
        .setRecipient("pmg-multiteam").setPseudonym("v1:pseudoniem")
        .setSignals(List.of(signalIds).stream().map(id -> MatchedSignal.newBuilder().setSignalId(id)
            .setSupplier(supplierOf(id)).setSignalDate(DAY).setKeyPeriod("2026-03").setContact(null).build())
            .toList())
        .setOpenUntil(DAY.plusMonths(6)).setUpdatedAt(DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
        .build();
  }

  private static String supplierOf(String signalId) {
    return switch (signalId) {
      case "s-politie", "s-politie-2" -> "politie-leeuwarden-oost";
      case "s-school" -> "ikc-1";
      default -> "amaryllis";
    };
  }

  private static SignalContent contact(String name, String contact) {
    return SignalContent.newBuilder().setProfessionalName(name).setProfessionalContact(contact).build();
  }
}
