package nl.wijkhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class LocalUsersTest {

  private static final ReferenceData REFERENCE = new ReferenceDataLoader(new DefaultResourceLoader())
      .load("file:../config/");
  private static final Principals PRINCIPALS = new Principals(REFERENCE);
  private static final Resource ABSENT = new FileSystemResource("target/no-such-users.yaml");
  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

  @Test
  void demoUsersHaveTheirOwnNameAsPasswordAndTheScopeOfTheirRole() {
    LocalUsers users = LocalUsers.load(ABSENT, PRINCIPALS, REFERENCE, true);

    assertThat(hub(users, "demo-programmabureau").programmes()).containsExactly("leeuwarden-oost");
    assertThat(hub(users, "demo-programmabureau-svn").programmes()).containsExactly("sterk-voor-noord");
    assertThat(hub(users, "demo-beheer").roles()).containsExactly(Role.OPERATOR);
    assertThat(hub(users, "demo-fg").municipalities()).containsExactly("leeuwarden");
    assertThat(hub(users, "demo-fg-lv").municipalities()).containsExactly("leidschendam-voorburg");
    assertThat(hub(users, "demo-pmg-multiteam").covenants()).containsExactly("pmg-leeuwarden-oost");
    assertThat(hub(users, "demo-svn-multiteam").covenants()).containsExactly("svn-casusoverleg");
    assertThat(hub(users, "demo-elkien").partner()).isEqualTo("elkien");
    assertThat(BCRYPT.matches("demo-fg", users.loadUserByUsername("demo-fg").getPassword())).isTrue();
    assertThat(BCRYPT.matches("demo-beheer", users.loadUserByUsername("demo-fg").getPassword())).isFalse();
  }

  @Test
  void withoutTheSwitchThereAreNoDemoUsers() {
    LocalUsers users = LocalUsers.load(ABSENT, PRINCIPALS, REFERENCE, false);

    assertThatThrownBy(() -> users.loadUserByUsername("demo-beheer")).isInstanceOf(UsernameNotFoundException.class);
  }

  @Test
  void aListedUserLogsInWithItsBcryptPasswordAndHasNoSecondFactor() {
    LocalUsers users = LocalUsers.load(yaml("""
        users:
          - {name: anna, bcrypt: "%s", roles: ["staff:leeuwarden-oost", "privacy-officer:leeuwarden"]}
        """.formatted(BCRYPT.encode("geheim"))), PRINCIPALS, REFERENCE, false);

    HubPrincipal anna = hub(users, "anna");
    assertThat(anna.roles()).isEqualTo(Set.of(Role.STAFF, Role.PRIVACY_OFFICER));
    assertThat(anna.secondFactor()).isFalse();
    assertThat(BCRYPT.matches("geheim", users.loadUserByUsername("anna").getPassword())).isTrue();
  }

  @Test
  void aMultiTeamGrantMayNameTheRecipientWhoseCopiesTheMemberReads() {
    String hash = BCRYPT.encode("x");
    LocalUsers users = LocalUsers.load(yaml("""
        users:
          - {name: lid, bcrypt: "%s", roles: ["multiteam:pmg-leeuwarden-oost/pmg-multiteam"]}
        """.formatted(hash)), PRINCIPALS, REFERENCE, false);

    assertThat(hub(users, "lid").covenants()).containsExactly("pmg-leeuwarden-oost/pmg-multiteam");
    assertThatThrownBy(() -> LocalUsers.load(yaml("""
        users:
          - {name: lid, bcrypt: "%s", roles: ["multiteam:pmg-leeuwarden-oost/geen-partner"]}
        """.formatted(hash)), PRINCIPALS, REFERENCE, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names recipient 'geen-partner', which is not in partners.yaml");
  }

  @Test
  void everyWrongEntryIsNamedWithItsFix() {
    String hash = BCRYPT.encode("x");
    assertThatThrownBy(() -> LocalUsers.load(yaml("""
        users:
          - {name: a, bcrypt: "plain-password", roles: [operator]}
          - {name: b, bcrypt: "%s", roles: ["staff:leeuwarden"]}
          - {name: c, bcrypt: "%s", roles: ["privacy-officer:den-haag", "operator:x", "boss"]}
          - {name: d, bcrypt: "%s"}
          - {name: e, bcrypt: "%s", roles: ["partner:dbieb", "partner:elkien"]}
        """.formatted(hash, hash, hash, hash)), PRINCIPALS, REFERENCE, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("users.yaml, user 1 'a': bcrypt must be a bcrypt hash")
        .hasMessageContaining("user 2 'b': 'staff:leeuwarden' names programme 'leeuwarden', which is not in"
            + " programmes.yaml")
        .hasMessageContaining("user 3 'c': 'privacy-officer:den-haag' names municipality 'den-haag'")
        .hasMessageContaining("'operator:x' takes no scope")
        .hasMessageContaining("'boss' names no role")
        .hasMessageContaining("user 4 'd': the key 'roles' is missing")
        .hasMessageContaining("user 5 'e': a login acts for one partner only");
  }

  @Test
  void theHubRefusesToStartWithDemoUsersUnderTheProdProfile() {
    org.springframework.mock.env.MockEnvironment prod = new org.springframework.mock.env.MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThatThrownBy(() -> SecurityConfiguration.refuseDemoLoginsUnderProd(prod, new ApiKeySettings(false),
        SecuritySettingsFixture.settings(true), "file:../config/"))
        .hasMessageContaining("wijkhub.security.demo-users is true under the prod profile")
        .hasMessageContaining("WIJKHUB_SECURITY_DEMO_USERS=false");
  }

  private static HubPrincipal hub(LocalUsers users, String name) {
    return ((LocalUsers.LocalUser) users.loadUserByUsername(name)).hub();
  }

  private static Resource yaml(String text) {
    return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public boolean exists() {
        return true;
      }
    };
  }
}
