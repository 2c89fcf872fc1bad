package nl.wijkhub.sftp;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.wijkhub.connectors.dropfolder.DropFolder;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryErrorHandling;
import nl.wijkhub.delivery.DeliveryRoute;
import nl.wijkhub.delivery.Spool;
import nl.wijkhub.reference.SftpLocation;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.SftpEndpointBuilderFactory.SftpEndpointBuilder;
import org.apache.camel.builder.endpoint.dsl.SftpEndpointBuilderFactory.SftpEndpointConsumerBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per partner with an SFTP server ({@code sftp-<partner>}): polls its folder and {@code proef/}, takes a
 * file once Camel's {@code changed} read lock sees it unchanged for the minimum age, and feeds it into the
 * normalisation path. The receipt is written next to the file; the consumer's {@code move} runs when the exchange
 * completes, i.e. after Kafka acknowledged the delivery. A failed exchange rolls back: the file stays for the next
 * poll. The hub's own receipts, moved files and temporary names are never picked up.
 */
@Component
public class SftpRoutes extends EndpointRouteBuilder {

  private static final String RECEIPTS = "(.*\\.receipt\\.(json|txt)$)";

  private final SftpAccounts accounts;
  private final SftpSettings settings;
  private final SftpIntake intake;
  private final MeterRegistry meters;

  SftpRoutes(SftpAccounts accounts, SftpSettings settings, SftpIntake intake, MeterRegistry meters) {
    this.accounts = accounts;
    this.settings = settings;
    this.intake = intake;
    this.meters = meters;
  }

  @Override
  public void configure() {
    accounts.all().forEach(this::route);
    accounts.all().forEach(this::signalsRoute);
  }

  private void route(SftpAccount account) {
    from(incoming(account))
        .routeId("sftp-" + account.partnerId())
        .routeConfigurationId(DeliveryErrorHandling.ID)
        .setProperty(SftpIntake.PARTNER, constant(account.partnerId()))
        .bean(intake, "spool")
        .setProperty(SftpIntake.DELIVERY, body())
        .process(exchange -> Spool.deleteWhenDone(exchange,
            exchange.getProperty(SftpIntake.DELIVERY, Delivery.class).content()))
        .to(DeliveryRoute.ENDPOINT)
        .setProperty(SftpIntake.RECEIPT, body())
        .setProperty(SftpIntake.DONE_FOLDER, method(intake, "doneFolder"))
        .split(method(intake, "receiptFiles"))
          .setHeader(Exchange.FILE_NAME, simple("${body.name()}"))
          .setBody(simple("${body.content()}"))
          .to(server(account).fileExist("Override").tempFileName("${file:onlyname}.part"))
        .end()
        .bean(intake, "complete");
  }

  private SftpEndpointConsumerBuilder incoming(SftpAccount account) {
    Duration minAge = settings.minAge();
    long checkInterval = Math.max(100, minAge.toMillis() / 2);
    return server(account)
        .streamDownload(true)
        .recursive(true).maxDepth(2).filterDirectory("${file:onlyname} == '" + DropFolder.TRIAL + "'")
        .exclude(Admission.NOT_YET_DELIVERIES + "|" + RECEIPTS)
        .readLock("changed")
        .readLockMinLength(0)
        .readLockMinAge(minAge.toMillis())
        .readLockCheckInterval(checkInterval)
        // The changed lock gives up after this and tries again at the next poll.
        .readLockTimeout(minAge.toMillis() * 2 + checkInterval * 4)
        .move("${file:parent}/${exchangeProperty." + SftpIntake.DONE_FOLDER + "}/${file:onlyname}")
        .sortBy("file:modified")
        .delay(settings.pollInterval().toMillis())
        .advanced()
        .throwExceptionOnConnectFailed(true)
        .pollStrategy(new SftpPollFailures(account.partnerId(), address(account.location()), meters))
        .basic();
  }

  /**
   * {@code sftp-signalen-<partner>}: the partner's {@code signalen/} folder, through the same delivery path as a
   * delivery of signals. A signals file is personal data: once its delivery is committed or refused and its receipt
   * written beside it, the consumer deletes it from the server; it is never moved to {@code verwerkt/} or
   * {@code geweigerd/}. A hub stopped after the commit finds the delivery by its idempotency key at the next poll and
   * answers with the original receipt before deleting the file.
   */
  private void signalsRoute(SftpAccount account) {
    from(signalsIncoming(account))
        .routeId("sftp-signalen-" + account.partnerId())
        .routeConfigurationId(DeliveryErrorHandling.ID)
        .setProperty(SftpIntake.PARTNER, constant(account.partnerId()))
        .bean(intake, "spoolSignals")
        .setProperty(SftpIntake.DELIVERY, body())
        .process(exchange -> Spool.deleteWhenDone(exchange,
            exchange.getProperty(SftpIntake.DELIVERY, Delivery.class).content()))
        .to(DeliveryRoute.ENDPOINT)
        .setProperty(SftpIntake.RECEIPT, body())
        .split(method(intake, "receiptFiles"))
          .setHeader(Exchange.FILE_NAME, simple("${body.name()}"))
          .setBody(simple("${body.content()}"))
          .to(server(account, SftpIntake.SIGNALS).fileExist("Override").tempFileName("${file:onlyname}.part"))
        .end()
        .bean(intake, "complete");
  }

  /** As {@link #incoming}, for the signals folder alone, deleting each file once its exchange completed. */
  private SftpEndpointConsumerBuilder signalsIncoming(SftpAccount account) {
    Duration minAge = settings.minAge();
    long checkInterval = Math.max(100, minAge.toMillis() / 2);
    return server(account, SftpIntake.SIGNALS)
        .streamDownload(true)
        .exclude(Admission.NOT_YET_DELIVERIES + "|" + RECEIPTS)
        .readLock("changed")
        .readLockMinLength(0)
        .readLockMinAge(minAge.toMillis())
        .readLockCheckInterval(checkInterval)
        .readLockTimeout(minAge.toMillis() * 2 + checkInterval * 4)
        .delete(true)
        .sortBy("file:modified")
        .delay(settings.pollInterval().toMillis())
        .advanced()
        .throwExceptionOnConnectFailed(true)
        .pollStrategy(new SftpPollFailures(account.partnerId(), address(account.location()), meters))
        .basic();
  }

  /** The partner's folder with the connection settings shared by polling and writing receipts. */
  private SftpEndpointBuilder server(SftpAccount account) {
    return server(account, "");
  }

  /** {@code subfolder} of the partner's folder (none when empty), with the shared connection settings. */
  private SftpEndpointBuilder server(SftpAccount account, String subfolder) {
    SftpLocation location = account.location();
    SftpEndpointBuilder server = sftp(address(location) + "/" + location.directory()
        + (subfolder.isEmpty() ? "" : "/" + subfolder))
        .username(location.user())
        .knownHostsFile(settings.knownHosts().toString())
        .strictHostKeyChecking("yes")
        .useUserKnownHostsFile(false)
        .autoCreateKnownHostsFile(false)
        .advanced().connectTimeout((int) settings.connectTimeout().toMillis()).basic();
    if (account.password() != null) {
      server.password(account.password());
    }
    if (account.privateKey() != null) {
      server.privateKey(account.privateKey());
    }
    return server;
  }

  private static String address(SftpLocation location) {
    return location.host() + ":" + location.port();
  }

}
