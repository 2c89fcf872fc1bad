package nl.wijkhub.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import nl.wijkhub.counts.CountsKind;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import org.springframework.util.unit.DataSize;

/**
 * The real {@link DeliveryPipeline} with the counts kind and the hub's reference data, fed trial deliveries: a trial
 * goes through admission, reading, validation and the receipt exactly like a delivery, but its transaction publishes
 * nothing, so no Kafka is needed. A publisher that is asked for a real transaction fails the test.
 */
public final class TrialPipeline {

  private final DeliveryPipeline pipeline;
  private final Path folder;

  public TrialPipeline(Path folder) {
    this(folder, new CountsKind(Fixtures.reference()));
  }

  /** A pipeline for one kind, given up on a delivery after three failures that are not transient. */
  public TrialPipeline(Path folder, DeliveryKind kind) {
    this.folder = folder;
    SubmissionPublisher publisher = new SubmissionPublisher(() -> {
      throw new AssertionError("a trial must not reach Kafka");
    });
    this.pipeline = new DeliveryPipeline(List.of(kind),
        new Admission(new DeliverySettings(DataSize.ofGigabytes(2), Duration.ofSeconds(5), 3)), publisher,
        new ReceiptLedger(() -> {
          throw new AssertionError("a trial must not read the ledger from Kafka");
        }, Duration.ofSeconds(5)), Clock.fixed(Fixtures.RECEIVED_AT, ZoneOffset.UTC), new SimpleMeterRegistry(),
        Duration.ofSeconds(5), new FailedAttempts(3));
  }

  /** Ingests the bytes as dbieb's trial delivery under the given name and returns its receipt. */
  public SubmissionReceipt ingest(String name, byte[] bytes) {
    try {
      Path file = Files.createTempFile(folder, "delivery-", "-" + name);
      Files.write(file, bytes);
      try {
        return ingest(name, file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SubmissionReceipt ingest(String name, Path file) throws IOException {
    return pipeline.ingest(Delivery.of("dbieb", "FILE", name, file, Spool.sha256(file), Files.size(file),
        Fixtures.RECEIVED_AT).asDryRun());
  }
}
