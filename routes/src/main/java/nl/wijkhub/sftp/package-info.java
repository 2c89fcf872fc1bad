/**
 * Channel: partners' own SFTP servers ({@code sftp:} in partners.yaml). One route per partner polls its folder and
 * its trial folder {@code proef/}, hands each complete file to the one normalisation path, writes the receipt back
 * next to the file and only then, after Kafka acknowledged the delivery, moves the file into {@code verwerkt/} (or
 * {@code geweigerd/} when it could not be read at all). A failure leaves the file on the server for the next poll.
 * Host keys are checked against a known_hosts file; credentials come from the environment, never from the
 * reference data.
 */
package nl.wijkhub.sftp;
