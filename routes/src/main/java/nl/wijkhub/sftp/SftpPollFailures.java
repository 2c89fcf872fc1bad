package nl.wijkhub.sftp;

import com.jcraft.jsch.JSchHostKeyException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What happens when a poll of a partner's server fails (unreachable, login refused, host key wrong): one log line
 * naming the partner and the fix, and the counter {@code wijkhub.sftp.poll.failures} (tags partner, reason), so that
 * a server the hub cannot reach is seen on the dashboard and not only in the log. The next poll tries again.
 */
final class SftpPollFailures implements PollingConsumerPollStrategy {

  static final String METER = "wijkhub.sftp.poll.failures";
  static final String HOST_KEY = "host-key";
  static final String OTHER = "other";
  private static final Logger LOG = LoggerFactory.getLogger(SftpPollFailures.class);

  private final String partnerId;
  private final String server;
  private final MeterRegistry meters;

  SftpPollFailures(String partnerId, String server, MeterRegistry meters) {
    this.partnerId = partnerId;
    this.server = server;
    this.meters = meters;
  }

  @Override
  public boolean begin(Consumer consumer, Endpoint endpoint) {
    return true;
  }

  @Override
  public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {}

  @Override
  public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
    boolean hostKey = hostKeyRejected(cause);
    MDC.put("partner", partnerId);
    meters.counter(METER, "partner", partnerId, "reason", hostKey ? HOST_KEY : OTHER).increment();
    if (hostKey) {
      LOG.error("SFTP server of partner {} ({}) presented a host key that is not the one in wijkhub.sftp.known-hosts;"
          + " nothing is fetched. Check the key's fingerprint with the partner, then update known_hosts", partnerId,
          server);
    } else {
      LOG.warn("Polling the SFTP server of partner {} ({}) failed, will retry: {}", partnerId, server,
          rootMessage(cause));
    }
    MDC.remove("partner");
    return false;
  }

  static boolean hostKeyRejected(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JSchHostKeyException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
