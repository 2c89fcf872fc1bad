package nl.wijkhub.multiteam;

import java.time.YearMonth;
import java.util.Optional;
import nl.wijkhub.covenant.RoutedFields;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.events.SignalIdentity;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.RecipientDecryption;
import org.springframework.stereotype.Component;

/**
 * Opens a routed signal for its recipient: identity and content as the covenant let them through. Fails with
 * {@link nl.wijkhub.privacy.KeyUnavailable} once the signal's period was crypto-shredded. The caller (the inbox)
 * logs the view before it shows anything.
 */
@Component
public class RoutedSignalReader {

  /** A routed signal with its sealed parts opened; a part the covenant did not permit is empty. */
  public record OpenedSignal(RoutedSignal routed, Optional<SignalIdentity> identity, Optional<SignalContent> content) {}

  private final RecipientDecryption decryption;

  public RoutedSignalReader(RecipientDecryption decryption) {
    this.decryption = decryption;
  }

  public OpenedSignal open(RoutedSignal signal) {
    YearMonth period = YearMonth.parse(signal.getKeyPeriod());
    Optional<SignalIdentity> identity = Optional.ofNullable(signal.getIdentity()).map(sealed -> decryption.open(
        envelope(signal, period, RoutedFields.IDENTITY), bytes(sealed), SignalIdentity.getClassSchema()));
    Optional<SignalContent> content = Optional.ofNullable(signal.getContent()).map(sealed -> decryption.open(
        envelope(signal, period, RoutedFields.CONTENT), bytes(sealed), SignalContent.getClassSchema()));
    return new OpenedSignal(signal, identity, content);
  }

  /** The contact professional of one signal in a match (name and number only), as its recipient reads it. */
  public Optional<SignalContent> contactOf(Match match, MatchedSignal signal) {
    return Optional.ofNullable(signal.getContact()).map(sealed -> decryption.open(
        new Envelope(match.getCovenantId(), YearMonth.parse(signal.getKeyPeriod()), match.getRecipient(),
            signal.getSignalId(), ContactSealer.PART), bytes(sealed), SignalContent.getClassSchema()));
  }

  private static Envelope envelope(RoutedSignal signal, YearMonth period, String part) {
    return new Envelope(signal.getCovenantId(), period, signal.getRecipient(), signal.getSignalId(), part);
  }

  private static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
