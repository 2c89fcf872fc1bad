package nl.wijkhub.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import nl.wijkhub.security.HubPrincipal;
import nl.wijkhub.security.Role;
import org.junit.jupiter.api.Test;

/** The wording of refusals outside the controllers, and the way back the error page offers. */
class RefusalTest {

  @Test
  void everyErrorStatusHasADutchProblemWithTheHubsFieldsAndNoInstance() {
    IntStream.rangeClosed(400, 599).forEach(status -> {
      Refusal refusal = Refusal.of(status);
      assertThat(refusal.status()).isEqualTo(status);
      assertThat(refusal.code()).matches("[A-Z_]+");
      assertThat(refusal.problem()).containsOnlyKeys("title", "status", "detail", "code")
          .containsEntry("status", status);
      assertThat(refusal.detail()).as("Dutch, for status " + status).containsAnyOf(" de ", " het ", " dit ", " deze ", " niet ");
    });
    assertThat(Refusal.of(405).code()).isEqualTo("METHODE_NIET_TOEGESTAAN");
    assertThat(Refusal.of(415).code()).isEqualTo("FORMAAT_ONBEKEND");
    assertThat(Refusal.of(418).code()).isEqualTo("VERZOEK_ONGELDIG");
    assertThat(Refusal.of(502).code()).isEqualTo("INTERNE_FOUT");
  }

  @Test
  void onlyTheApiAndTheActuatorAreForMachines() {
    assertThat(Audience.forMachines("/api/v1/submissions/x%2Fy")).isTrue();
    assertThat(Audience.forMachines("/api")).isTrue();
    assertThat(Audience.forMachines("/actuator/health")).isTrue();
    assertThat(Audience.forMachines("/apiary")).isFalse();
    assertThat(Audience.forMachines("/publiek/api/x")).isFalse();
    assertThat(Audience.forMachines("")).isFalse();
    assertThat(Audience.forMachines("//api/v1/submissions")).as("doubled slash").isTrue();
    assertThat(Audience.forMachines("/api;x=1/v1/submissions")).as("path parameter").isTrue();
    assertThat(Audience.forMachines(null)).as("a request line too long to parse has no path").isFalse();
  }

  @Test
  void theWayBackFollowsTheLoginAndIsTheLoginPageForNobody() {
    assertThat(ErrorPage.start(Optional.empty())).isEqualTo("/login");
    assertThat(ErrorPage.start(Optional.of(principal(Set.of(Role.STAFF), null, Set.of("sterk-voor-noord",
        "leeuwarden-oost"))))).isEqualTo("/dashboard/leeuwarden-oost");
    assertThat(ErrorPage.start(Optional.of(principal(Set.of(Role.PARTNER), "dbieb", Set.of()))))
        .isEqualTo("/partner");
    assertThat(ErrorPage.start(Optional.of(principal(Set.of(Role.MULTITEAM), null, Set.of()))))
        .isEqualTo("/multiteam");
    assertThat(ErrorPage.start(Optional.of(principal(Set.of(Role.OPERATOR), null, Set.of())))).isEqualTo("/login");
  }

  private static HubPrincipal principal(Set<Role> roles, String partner, Set<String> programmes) {
    return new HubPrincipal("iemand", roles, partner, programmes, Set.of(), Set.of(), false);
  }
}
