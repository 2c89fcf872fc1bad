/**
 * Privacy by design for signals: per-covenant pseudonyms (Tink PRF), data keys per covenant and period wrapped by a
 * master key, encryption for a recipient (Tink HPKE inside the period's data key), crypto-shredding, key backup and
 * restore, and the processing log (verwerkingenlog). The only package that touches Tink or key material; of its
 * API only {@code multiteam} may call {@link nl.wijkhub.privacy.RecipientDecryption} (ArchUnit proves both).
 */
package nl.wijkhub.privacy;
