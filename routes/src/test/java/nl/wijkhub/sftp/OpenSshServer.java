package nl.wijkhub.sftp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} as a child process on 127.0.0.1 and a free port, with a host key and a client key
 * made by {@code ssh-keygen} for this run. The test runs as root, so it logs in as root with the key.
 */
final class OpenSshServer implements AutoCloseable {

  static final Path SSHD = Path.of("/usr/sbin/sshd");
  static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");

  private final Path dir;
  private final int port;
  private final Process process;

  private OpenSshServer(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static boolean installed() {
    return Files.isExecutable(SSHD) && Files.isExecutable(SFTP_SERVER);
  }

  /** Starts sshd in {@code dir}; SFTP sessions start in {@code sftpHome}, as if it were the user's login folder. */
  static OpenSshServer start(Path dir, Path sftpHome) throws IOException, InterruptedException {
    keygen(dir.resolve("host_key"));
    keygen(dir.resolve("client_key"));
    Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
    int port = freePort();
    Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
        "Port " + port,
        "ListenAddress 127.0.0.1",
        "HostKey " + dir.resolve("host_key"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        "PermitRootLogin prohibit-password",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "PidFile " + dir.resolve("sshd.pid"),
        "Subsystem sftp " + SFTP_SERVER + " -d " + sftpHome,
        ""));
    // sshd refuses to start without its privilege separation folder, which the package's service would create.
    Files.createDirectories(Path.of("/run/sshd"));
    Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
    OpenSshServer server = new OpenSshServer(dir, port, process);
    await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive() || accepts(port));
    if (!process.isAlive()) {
      throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
    }
    return server;
  }

  int port() {
    return port;
  }

  /** The private key that authorized_keys trusts, as the hub reads it from a variable. */
  String clientKey() throws IOException {
    return Files.readString(dir.resolve("client_key"));
  }

  String knownHostsLine() throws IOException {
    String[] key = Files.readString(dir.resolve("host_key.pub")).trim().split(" ");
    return "[127.0.0.1]:" + port + " " + key[0] + " " + key[1];
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static void keygen(Path key) throws IOException, InterruptedException {
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-m", "PEM", "-N", "", "-f",
        key.toString()).redirectErrorStream(true).start();
    if (keygen.waitFor() != 0) {
      throw new IllegalStateException("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes()));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
