package nl.wijkhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.env.MockEnvironment;

class ApiKeysTest {

  private static final ReferenceData REFERENCE = new ReferenceDataLoader(new DefaultResourceLoader())
      .load("file:../config/");
  private static final Resource ABSENT = new FileSystemResource("target/no-such-api-keys.yaml");

  @Test
  void demoKeysNameEveryPartnerWhenSwitchedOnAndNoneWhenOff() {
    assertThat(ApiKeys.load(ABSENT, REFERENCE, true).partnerOf("demo-dbieb")).hasValue("dbieb");
    assertThat(ApiKeys.load(ABSENT, REFERENCE, true).partnerOf("demo-ikc-7")).hasValue("ikc-7");
    assertThat(ApiKeys.load(ABSENT, REFERENCE, false).partnerOf("demo-dbieb")).isEmpty();
  }

  @Test
  void twoListedKeysOfAPartnerAreBothValidDuringRotationAndOnlyTheHashIsStored() {
    ApiKeys keys = ApiKeys.load(yaml("""
        keys:
          - {partner: elkien, name: elkien-2026-01, sha256: %s}
          - {partner: elkien, name: elkien-2026-12, sha256: %s}
        """.formatted(ApiKeys.hash("oude-sleutel"), ApiKeys.hash("nieuwe-sleutel"))), REFERENCE, false);

    assertThat(keys.partnerOf("oude-sleutel")).hasValue("elkien");
    assertThat(keys.partnerOf("nieuwe-sleutel")).hasValue("elkien");
    assertThat(keys.partnerOf("andere-sleutel")).isEmpty();
    assertThat(ApiKeys.hash("oude-sleutel")).hasSize(64).doesNotContain("oude");
  }

  @Test
  void aThirdKeyAnUnknownPartnerAndABadHashAreAllReportedNamingFileAndEntry() {
    assertThatThrownBy(() -> ApiKeys.load(yaml("""
        keys:
          - {partner: elkien, name: a, sha256: %s}
          - {partner: elkien, name: b, sha256: %s}
          - {partner: elkien, name: c, sha256: %s}
          - {partner: geen-partner, name: d, sha256: %s}
          - {partner: dbieb, name: e, sha256: NIET-HEX}
        """.formatted(ApiKeys.hash("a"), ApiKeys.hash("b"), ApiKeys.hash("c"), ApiKeys.hash("d"))), REFERENCE,
        false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("api-keys.yaml, key 3 'c': partner 'elkien' has more than 2 keys")
        .hasMessageContaining("key 4 'd': partner 'geen-partner' is not in partners.yaml")
        .hasMessageContaining("key 5 'e': sha256 must be 64 lower-case hex digits");
  }

  @Test
  void oneKeyListedForTwoPartnersIsRefused() {
    String hash = ApiKeys.hash("gedeeld");
    assertThatThrownBy(() -> ApiKeys.load(yaml("""
        keys:
          - {partner: elkien, name: a, sha256: %s}
          - {partner: dbieb, name: b, sha256: %s}
        """.formatted(hash, hash)), REFERENCE, false))
        .hasMessageContaining("key 2 'b': the same key is listed twice");
  }

  @Test
  void aFileWithAnUnknownKeyNamesTheExpectedShape() {
    assertThatThrownBy(() -> ApiKeys.load(yaml("keys:\n  - {partner: elkien, key: geheim}\n"), REFERENCE, false))
        .hasMessageContaining("api-keys.yaml cannot be read").hasMessageContaining("{partner, name, sha256}");
  }

  @Test
  void theHubRefusesToStartWithDemoKeysUnderTheProdProfile() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThatThrownBy(() -> SecurityConfiguration.refuseDemoLoginsUnderProd(prod, new ApiKeySettings(true),
        SecuritySettingsFixture.settings(false), "file:../config/"))
        .hasMessageContaining("wijkhub.api.demo-keys is true under the prod profile")
        .hasMessageContaining("WIJKHUB_API_DEMO_KEYS=false");
    SecurityConfiguration.refuseDemoLoginsUnderProd(prod, new ApiKeySettings(false),
        SecuritySettingsFixture.settings(false), "file:../config/");
    SecurityConfiguration.refuseDemoLoginsUnderProd(new MockEnvironment(), new ApiKeySettings(true),
        SecuritySettingsFixture.settings(true), "file:../config/");
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
