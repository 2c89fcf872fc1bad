package nl.wijkhub.multiteam;

import java.nio.ByteBuffer;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import nl.wijkhub.covenant.RoutedFields;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.RecipientCipher;
import nl.wijkhub.privacy.RecipientDecryption;

/**
 * Takes the contact professional out of a routed signal's sealed content and seals only that (name and number,
 * never the note) again for the same recipient, under the signal's own data-key period: shredding that period makes
 * the match's contact unreadable together with the signal. The plaintext lives only inside {@link #contactOf}.
 */
class ContactSealer {

  /** The part name in the envelope, so that a match contact cannot pass for the signal's content. */
  static final String PART = "matchContact";

  private final RecipientDecryption decryption;
  private final RecipientCipher cipher;

  ContactSealer(RecipientDecryption decryption, RecipientCipher cipher) {
    this.decryption = decryption;
    this.cipher = cipher;
  }

  /** The sealed contact, or null when the covenant lets the recipient see neither name nor number. */
  ByteBuffer contactOf(RoutedSignal signal) {
    if (signal.getContent() == null) {
      return null;
    }
    YearMonth period = periodOf(signal);
    SignalContent content = decryption.open(envelope(signal, period, RoutedFields.CONTENT), bytes(signal.getContent()),
        SignalContent.getClassSchema());
    if (content.getProfessionalName() == null && content.getProfessionalContact() == null) {
      return null;
    }
    SignalContent contact = SignalContent.newBuilder()
        .setProfessionalName(content.getProfessionalName())
        .setProfessionalContact(content.getProfessionalContact())
        .build();
    return ByteBuffer.wrap(cipher.seal(envelope(signal, period, PART), contact));
  }

  private static YearMonth periodOf(RoutedSignal signal) {
    try {
      return YearMonth.parse(signal.getKeyPeriod());
    } catch (DateTimeParseException e) {
      throw new MatchFailures.BrokenContract("A routed signal whose key period is no yyyy-MM");
    }
  }

  static Envelope envelope(RoutedSignal signal, YearMonth period, String part) {
    return new Envelope(signal.getCovenantId(), period, signal.getRecipient(), signal.getSignalId(), part);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
