/**
 * Tells the professionals of a match that there is one and whom to contact, as the Verwijsindex does: one Dutch
 * e-mail per professional per new counterpart, naming the other professionals (name, organisation, contact) and the
 * match's reference, never anything about the person (no BSN, name, date of birth, signal type, note or reason).
 * Reads the committed {@code Match} revisions of every covenant, opens the sealed contacts through
 * {@link nl.wijkhub.multiteam.RoutedSignalReader} (decryption stays in {@code multiteam}), logs each notification as
 * the processing step {@code genotificeerd} before it is sent, sends through the mail channel's SMTP server and
 * keeps in the database whom it told about whom, so that a restart or a replay tells nobody twice.
 */
package nl.wijkhub.multiteam.notify;
