/**
 * The MultiTeam side: reads the routed signals of a covenant as its recipient would, and finds matches. The only
 * package allowed to call the recipient decryption of {@code privacy}; the later inbox builds on
 * {@link nl.wijkhub.multiteam.RoutedSignalReader}. The matcher ({@link nl.wijkhub.multiteam.MatchStreams}, a Kafka
 * Streams topology) opens a signal's content only to take out the contact professional and seal that alone for the
 * same recipient; what a match publishes never holds the content or the reason of a signal.
 */
package nl.wijkhub.multiteam;
