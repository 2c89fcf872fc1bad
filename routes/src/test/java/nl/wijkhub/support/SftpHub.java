package nl.wijkhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the SFTP ITs share: the hub's reference data with {@code sftp:} blocks added to some partners, the hub's
 * properties, and a partner's client putting files on its server and waiting for the receipt there.
 */
public final class SftpHub {

  public static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SftpHub() {}

  /**
   * Copies ../config/*.yaml into a folder and adds to each partner in {@code partnerKeys} the flow-style YAML it
   * maps to, such as {@code sftp: {...}} or {@code mailFrom: [...]}; returns the folder as a
   * {@code wijkhub.reference-data} location.
   */
  public static String referenceData(Path folder, Map<String, String> partnerKeys) {
    try (Stream<Path> files = Files.list(Path.of("../config"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Path partners = folder.resolve("partners.yaml");
      String yaml = Files.readString(partners);
      for (Map.Entry<String, String> block : partnerKeys.entrySet()) {
        String entry = "  - id: " + block.getKey() + "\n";
        if (!yaml.contains(entry)) {
          throw new IllegalArgumentException("No partner " + block.getKey() + " in partners.yaml");
        }
        yaml = yaml.replace(entry, entry + "    " + block.getValue() + "\n");
      }
      Files.writeString(partners, yaml);
      return folder.toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The hub on the shared infrastructure, polling SFTP servers every 200 ms and trusting only {@code knownHosts}. */
  public static void hubProperties(DynamicPropertyRegistry registry, Path data, String referenceData, Path knownHosts,
      Map<String, String> secrets) {
    TestInfrastructure.hubProperties(data, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.reference-data", () -> referenceData);
    registry.add("wijkhub.sftp.poll-interval", () -> "200ms");
    registry.add("wijkhub.sftp.min-age", () -> "100ms");
    registry.add("wijkhub.sftp.connect-timeout", () -> "5s");
    registry.add("wijkhub.sftp.known-hosts", knownHosts::toString);
    secrets.forEach((k, v) -> registry.add(k, () -> v));
  }

  public static Path knownHosts(Path folder, List<String> lines) {
    try {
      return Files.writeString(folder.resolve("known_hosts"), String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts a file on the server as partners' clients do: written under a temporary name, then renamed. */
  public static Path upload(Path folder, String name, String content) {
    try {
      Files.createDirectories(folder);
      Path partial = Files.writeString(folder.resolve(name + ".part"), content);
      return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the file has left the folder with its receipt written beside it, and returns that receipt. */
  public static JsonNode awaitReceipt(Path folder, String name) {
    Path receipt = folder.resolve(name + ".receipt.json");
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt) && !Files.exists(folder.resolve(name)));
    try {
      return JSON.readTree(Files.readString(receipt));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
