package nl.wijkhub.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which API key belongs to which partner. Keys are random secrets, so a SHA-256 of the key identifies it without
 * the key itself being stored (a slow password hash buys nothing against 256 random bits). {@code api-keys.yaml}
 * beside the reference data lists them; a partner may have two at a time, so a new key can be rolled out before
 * the old one is removed.
 */
final class ApiKeys {

  static final String FILE = "api-keys.yaml";
  static final int MAX_KEYS_PER_PARTNER = 2;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** One key as listed: a name to tell keys apart in rotation, and the hash. */
  record Entry(String partner, String name, String sha256) {}

  private record KeysFile(List<Entry> keys) {}

  private final Map<String, String> partnerByHash;

  private ApiKeys(Map<String, String> partnerByHash) {
    this.partnerByHash = Map.copyOf(partnerByHash);
  }

  /**
   * Reads the keys file (absent: no configured keys) and adds the demo keys when asked.
   *
   * @throws IllegalStateException naming the file, the entry and the fix, when an entry is wrong
   */
  static ApiKeys load(Resource file, ReferenceData reference, boolean demoKeys) {
    List<Entry> entries = file.exists() ? read(file) : List.of();
    List<String> problems = new ArrayList<>();
    Map<String, String> partnerByHash = new HashMap<>();
    Map<String, Integer> perPartner = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String where = FILE + ", key " + (i + 1) + (entry.name() == null ? "" : " '" + entry.name() + "'") + ": ";
      if (entry.partner() == null || reference.partner(entry.partner()).isEmpty()) {
        problems.add(where + "partner '" + entry.partner() + "' is not in partners.yaml; use a partner id");
        continue;
      }
      if (entry.sha256() == null || !SHA256.matcher(entry.sha256()).matches()) {
        problems.add(where + "sha256 must be 64 lower-case hex digits: the SHA-256 of the key"
            + " (printf %s \"$KEY\" | sha256sum)");
        continue;
      }
      if (perPartner.merge(entry.partner(), 1, Integer::sum) > MAX_KEYS_PER_PARTNER) {
        problems.add(where + "partner '" + entry.partner() + "' has more than " + MAX_KEYS_PER_PARTNER + " keys;"
            + " remove the oldest once the new one is in use");
      }
      if (partnerByHash.putIfAbsent(entry.sha256(), entry.partner()) != null) {
        problems.add(where + "the same key is listed twice; every key belongs to one partner");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid API keys:\n  " + String.join("\n  ", problems));
    }
    if (demoKeys) {
      reference.partners().stream().map(Partner::id)
          .forEach(id -> partnerByHash.putIfAbsent(hash(demoKey(id)), id));
    }
    return new ApiKeys(partnerByHash);
  }

  /** The partner this key belongs to. */
  Optional<String> partnerOf(String key) {
    return Optional.ofNullable(partnerByHash.get(hash(key)));
  }

  static String demoKey(String partnerId) {
    return "demo-" + partnerId;
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static List<Entry> read(Resource file) {
    YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in = file.getInputStream()) {
      KeysFile parsed = yaml.readValue(in, KeysFile.class);
      return parsed == null || parsed.keys() == null ? List.of() : parsed.keys();
    } catch (IOException | JacksonException e) {
      throw new IllegalStateException(FILE + " cannot be read: " + e.getMessage() + ". It holds a list 'keys:' of"
          + " {partner, name, sha256}.", e);
    }
  }
}
