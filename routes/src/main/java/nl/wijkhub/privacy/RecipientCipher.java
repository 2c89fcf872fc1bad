package nl.wijkhub.privacy;

import java.security.GeneralSecurityException;
import java.time.YearMonth;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Seals a part of a signal for its recipient: HPKE to the recipient's public key, and that ciphertext again under
 * the (covenant, period) data key. Reading needs both the recipient's private key and a data key that was not
 * destroyed; the envelope is the associated data of both layers.
 */
public final class RecipientCipher {

  private final DataKeys dataKeys;
  private final RecipientKeys recipientKeys;

  RecipientCipher(DataKeys dataKeys, RecipientKeys recipientKeys) {
    this.dataKeys = dataKeys;
    this.recipientKeys = recipientKeys;
  }

  /**
   * Whether the covenant's data key for the period may still be used: false once that period was crypto-shredded.
   * Creates no key.
   */
  public boolean canSeal(String covenantId, YearMonth period) {
    return !dataKeys.isDestroyed(covenantId, period);
  }

  public byte[] seal(Envelope envelope, SpecificRecordBase payload) {
    byte[] aad = envelope.associatedData();
    try {
      byte[] forRecipient = recipientKeys.encrypterFor(envelope.recipient()).encrypt(AvroPayload.encode(payload),
          aad);
      return dataKeys.forSealing(envelope.covenantId(), envelope.period()).encrypt(forRecipient, aad);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Cannot seal for " + envelope.recipient() + " under " + envelope.dataKeyName(), e);
    }
  }
}
