/**
 * The MultiTeam side: reads the routed signals of a covenant as its recipient would. The only package allowed to
 * call the recipient decryption of {@code privacy}; the later inbox builds on {@link nl.wijkhub.multiteam.RoutedSignalReader}.
 */
package nl.wijkhub.multiteam;
