package nl.wijkhub.multiteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.events.SignalIdentity;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.KeyUnavailable;
import nl.wijkhub.privacy.PrivacyFixture;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MultiTeam opens a routed signal as its recipient; a part the covenant withheld stays empty. */
class RoutedSignalReaderTest {

  @TempDir
  Path dir;

  @Test
  void theRecipientReadsIdentityAndContentOfARoutedSignal() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    SignalIdentity identity = SignalIdentity.newBuilder().setBsn("111222333").setName("Jan Jansen").build();
    SignalContent content = SignalContent.newBuilder().setProfessionalName("Wijkagent De Vries")
        .setNote("Vaak 's nachts op straat").build();
    RoutedSignal routed = routed(ByteBuffer.wrap(privacy.cipher.seal(envelope("identity"), identity)),
        ByteBuffer.wrap(privacy.cipher.seal(envelope("content"), content)));

    RoutedSignalReader.OpenedSignal opened = new RoutedSignalReader(privacy.decryption).open(routed);

    assertThat(opened.identity()).contains(identity);
    assertThat(opened.content()).contains(content);
  }

  @Test
  void aWithheldPartStaysEmptyAndAShreddedPeriodCannotBeRead() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    SignalIdentity identity = SignalIdentity.newBuilder().setBsn("111222333").build();
    RoutedSignal routed = routed(ByteBuffer.wrap(privacy.cipher.seal(envelope("identity"), identity)), null);
    RoutedSignalReader reader = new RoutedSignalReader(privacy.decryption);

    assertThat(reader.open(routed).content()).isEmpty();

    privacy.dataKeys.destroy("pmg-leeuwarden-oost", YearMonth.of(2026, 1));
    Assertions.assertThatThrownBy(() -> reader.open(routed)).isInstanceOf(KeyUnavailable.class);
  }

  private static Envelope envelope(String part) {
    return new Envelope("pmg-leeuwarden-oost", YearMonth.of(2026, 1), "pmg-multiteam", "signal-1", part);
  }

  private static RoutedSignal routed(ByteBuffer identity, ByteBuffer content) {
    return RoutedSignal.newBuilder().setSignalId("signal-1").setKind(RoutedSignalKind.NIEUW)
        .setCovenantId("pmg-leeuwarden-oost").setCovenantVersion(2).setRecipient("pmg-multiteam")
        .setSupplier("politie-leeuwarden-oost").setSignalType("JONGERE_IN_BEELD").setPseudonyms(List.of("v1:x"))
        .setKeyPeriod("2026-01").setIdentity(identity).setContent(content).setRoutedAt(Instant.now()).build();
  }
}
