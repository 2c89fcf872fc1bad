package nl.wijkhub.reference;

/**
 * Where a partner's deliveries wait on its own SFTP server. The credential is never written here: {@code passwordFrom}
 * and {@code privateKeyFrom} name the environment variable (or Spring property) that holds it, so it can come from
 * a secret store.
 *
 * @param port SSH port, 22 when not given
 * @param directory folder the hub polls, relative to the login folder (Camel's SFTP reads every path that way)
 * @param passwordFrom name of the variable holding the password, or null
 * @param privateKeyFrom name of the variable holding the private key (PEM or OpenSSH text), or null
 */
public record SftpLocation(String host, Integer port, String user, String directory, String passwordFrom,
    String privateKeyFrom) {

  public static final int DEFAULT_PORT = 22;

  public SftpLocation {
    port = port == null ? DEFAULT_PORT : port;
  }
}
