package nl.wijkhub.privacy;

import java.security.GeneralSecurityException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Opens what {@link RecipientCipher} sealed, with the recipient's private key. Only the MultiTeam module may call
 * it (an ArchUnit rule): it acts on behalf of the recipient, and every opening it does is a view it must log.
 */
public final class RecipientDecryption {

  private final DataKeys dataKeys;
  private final RecipientKeys recipientKeys;

  RecipientDecryption(DataKeys dataKeys, RecipientKeys recipientKeys) {
    this.dataKeys = dataKeys;
    this.recipientKeys = recipientKeys;
  }

  /**
   * The sealed payload, or {@link KeyUnavailable} when its period's data key was destroyed or the ciphertext does
   * not belong to this envelope.
   */
  public <T extends SpecificRecordBase> T open(Envelope envelope, byte[] sealed, Schema schema) {
    byte[] aad = envelope.associatedData();
    try {
      byte[] forRecipient = dataKeys.forOpening(envelope.covenantId(), envelope.period()).decrypt(sealed, aad);
      return AvroPayload.decode(recipientKeys.decrypterFor(envelope.recipient()).decrypt(forRecipient, aad), schema);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("A ciphertext for " + envelope.recipient() + " under " + envelope.dataKeyName()
          + " does not open: it was altered or belongs to another signal, recipient or part", e);
    }
  }
}
