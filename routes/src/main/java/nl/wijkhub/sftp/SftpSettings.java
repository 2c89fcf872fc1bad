package nl.wijkhub.sftp;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SFTP channel, for every partner with an {@code sftp:} block in partners.yaml.
 *
 * @param pollInterval how often each partner's server is listed
 * @param minAge how long a remote file must be unchanged (size and modification time) before it counts as complete;
 *     a file that still grows is left for the next poll
 * @param knownHosts OpenSSH known_hosts file with the host key of every partner's server (env
 *     WIJKHUB_SFTP_KNOWN_HOSTS); required as soon as one partner has an sftp block. Host keys are verified against
 *     it, never accepted blindly: add a key only after checking its fingerprint with the partner
 * @param connectTimeout how long connecting and logging in to a partner's server may take
 */
@Validated
@ConfigurationProperties("wijkhub.sftp")
public record SftpSettings(@NotNull Duration pollInterval, @NotNull Duration minAge, Path knownHosts,
    @NotNull Duration connectTimeout) {}
