/**
 * The privacy covenants (convenanten) and the register of processing activities, as validated configuration:
 * which party may deliver which signal types, which recipient may receive which fields, over which channels, for
 * how long, and which covenant version governs a signal. Kept apart from {@code privacy} (keys, pseudonyms, the
 * processing log) because the signal path, the security roles and the MultiTeam all read covenants, while only
 * {@code privacy} may touch key material.
 */
package nl.wijkhub.covenant;
