package nl.wijkhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Delivers files the way a partner's copy job does (write aside, then rename) and reads the receipts back. */
public record DropFolderDriver(Path dataDir) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public Path deliver(String partnerId, String fileName, String content) {
    return deliver(partnerId, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  public Path deliver(String partnerId, String fileName, byte[] content) {
    return deliverTo(dataDir.resolve("inbox").resolve(partnerId), fileName, content);
  }

  /** Delivers to the partner's trial folder {@code inbox/<partner>/proef/}. */
  public Path deliverTrial(String partnerId, String fileName, String content) {
    return deliverTo(dataDir.resolve("inbox").resolve(partnerId).resolve("proef"), fileName,
        content.getBytes(StandardCharsets.UTF_8));
  }

  /** Delivers signals to the partner's folder {@code inbox/<partner>/signalen/}. */
  public Path deliverSignals(String partnerId, String fileName, String content) {
    return deliverTo(dataDir.resolve("inbox").resolve(partnerId).resolve("signalen"), fileName,
        content.getBytes(StandardCharsets.UTF_8));
  }

  private static Path deliverTo(Path folder, String fileName, byte[] content) {
    try {
      Path inbox = Files.createDirectories(folder);
      Path temporary = Files.write(inbox.resolve("." + fileName + ".part"), content);
      return Files.move(temporary, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path receiptJson(String partnerId, String fileName) {
    return dataDir.resolve("outbox").resolve(partnerId).resolve(fileName + ".receipt.json");
  }

  /**
   * Waits until the file has left the inbox with both receipts written, and returns the JSON receipt parsed. The hub
   * writes the JSON receipt, then the text one, then archives, quarantines or deletes the file: the JSON alone
   * appears a moment before the rest is done.
   */
  public JsonNode awaitReceipt(String partnerId, String fileName, Duration timeout) {
    Path receipt = receiptJson(partnerId, fileName);
    Path text = receipt.resolveSibling(fileName + ".receipt.txt");
    Path delivered = inboxFile(partnerId, fileName);
    await().atMost(timeout).until(() -> Files.exists(receipt) && Files.exists(text) && !Files.exists(delivered));
    try {
      return JSON.readTree(Files.readString(receipt));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode awaitReceipt(String partnerId, String fileName) {
    return awaitReceipt(partnerId, fileName, Duration.ofSeconds(60));
  }

  public Path inboxFile(String partnerId, String fileName) {
    return dataDir.resolve("inbox").resolve(partnerId).resolve(fileName);
  }

  public Path archived(String partnerId, String submissionId, String fileName) {
    return dataDir.resolve("archive").resolve(partnerId).resolve(submissionId).resolve(fileName);
  }

  public Path quarantine() {
    return dataDir.resolve("quarantine");
  }
}
