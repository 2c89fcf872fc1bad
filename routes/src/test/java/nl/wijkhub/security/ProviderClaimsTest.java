package nl.wijkhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class ProviderClaimsTest {

  private static final ProviderClaims CLAIMS = new ProviderClaims(SecuritySettingsFixture.oidc("https://idp"),
      new Principals(new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/")));

  @Test
  void groupsWithThePrefixBecomeRolesWithTheirScopeAndOtherGroupsAreIgnored() {
    HubPrincipal person = CLAIMS.principal("sub-1", Map.of("groups", List.of("wijkhub:staff:sterk-voor-noord",
        "wijkhub:multiteam:svn-casusoverleg", "medewerkers", "wijkhub:staff:onbekend-programma")));

    assertThat(person.roles()).isEqualTo(Set.of(Role.STAFF, Role.MULTITEAM));
    assertThat(person.programmes()).containsExactly("sterk-voor-noord");
    assertThat(person.covenants()).containsExactly("svn-casusoverleg");
    assertThat(person.secondFactor()).isFalse();
  }

  @Test
  void aSingleGroupStringCountsLikeAList() {
    assertThat(CLAIMS.principal("sub-2", Map.of("groups", "wijkhub:operator")).roles())
        .containsExactly(Role.OPERATOR);
  }

  @Test
  void aConfiguredAcrOrOneConfiguredAmrMeansASecondFactorAndAPasswordAloneDoesNot() {
    assertThat(CLAIMS.secondFactor(Map.of("acr", "substantial"))).isTrue();
    assertThat(CLAIMS.secondFactor(Map.of("amr", List.of("pwd", "otp")))).isTrue();
    assertThat(CLAIMS.secondFactor(Map.of("acr", "low", "amr", List.of("pwd")))).isFalse();
    assertThat(CLAIMS.secondFactor(Map.of())).isFalse();
  }
}
