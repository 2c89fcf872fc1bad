package nl.wijkhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process SFTP server (Apache MINA SSHD) on 127.0.0.1 and a free port, serving a temp folder to one user with
 * a password, under a host key generated for this run.
 */
public final class MinaSftpServer implements AutoCloseable {

  private final SshServer server;
  private final KeyPair hostKey;
  /** Renames whose target this matches fail, as on a server whose disk or permissions stop the hub's move. */
  private volatile Predicate<Path> refusedMoves = target -> false;

  private MinaSftpServer(SshServer server, KeyPair hostKey) {
    this.server = server;
    this.hostKey = hostKey;
  }

  public static MinaSftpServer start(Path root, String user, String password) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair hostKey = generator.generateKeyPair();
      SshServer server = SshServer.setUpDefaultServer();
      server.setHost("127.0.0.1");
      server.setPort(0);
      server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
      server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
      SftpSubsystemFactory sftp = new SftpSubsystemFactory();
      server.setSubsystemFactories(List.of(sftp));
      server.setFileSystemFactory(new VirtualFileSystemFactory(root));
      server.start();
      MinaSftpServer running = new MinaSftpServer(server, hostKey);
      sftp.addSftpEventListener(new SftpEventListener() {
        @Override
        public void moving(ServerSession session, Path source, Path target, Collection<CopyOption> options)
            throws IOException {
          if (running.refusedMoves.test(target)) {
            throw new AccessDeniedException(target.toString());
          }
        }
      });
      return running;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** From now on, renames to a target that {@code refused} matches fail with "permission denied". */
  public void refuseMoves(Predicate<Path> refused) {
    refusedMoves = refused;
  }

  public int port() {
    return server.getPort();
  }

  /** The known_hosts line that trusts this server's host key. */
  public String knownHostsLine() {
    return knownHostsLine(port());
  }

  /** A known_hosts line claiming this server's key for another port: that server's key will not match it. */
  public String knownHostsLine(int port) {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
