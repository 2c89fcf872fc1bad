package nl.wijkhub.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The key folder: every keyset is stored wrapped by the master key, as {@code <name>.json}, with its name as the
 * associated data so that one wrapped key cannot be passed off as another. {@code destroyed.txt} lists the keys that
 * were destroyed; a destroyed key is never created again nor restored from a backup.
 *
 * <p>Files rather than a database table: the wrapped keys must not travel in the store's ordinary dumps, from
 * which a restore would silently bring destroyed keys back; here the only way back is {@link KeyBackup}, which
 * honours the register of destroyed keys.
 */
final class KeyFiles {

  static final String DESTROYED = "destroyed.txt";
  private static final Pattern NAME = Pattern.compile("[a-z]+(/[a-z0-9][a-z0-9-]*)+");

  private final Path directory;
  private final Aead master;
  /**
   * Keysets already unwrapped, with the version of the file each came from. Unwrapping and parsing on every use made
   * up much of a signal's time; a file that was replaced (a restore) or removed (a destroyed key) is seen by its
   * attributes, read on every use, so a stale keyset is never handed out. Read without a lock: every signal reads
   * several keys, in many threads at once, and the files only ever change by an atomic move or a delete.
   */
  private final Map<String, Unwrapped> unwrapped = new ConcurrentHashMap<>();
  /** The register of destroyed keys as last read, checked before every seal; read again when the file changed. */
  private volatile Register register;

  /** Which version of a file a cached reading is of: a replaced, rewritten or appended file differs. */
  private record FileVersion(Object fileKey, FileTime modified, long size) {

    static FileVersion of(BasicFileAttributes file) {
      return new FileVersion(file.fileKey(), file.lastModifiedTime(), file.size());
    }
  }

  private record Unwrapped(FileVersion version, KeysetHandle keyset) {}

  private record Register(FileVersion version, Set<String> names) {}

  KeyFiles(Path directory, Aead master) {
    this.directory = directory;
    this.master = master;
    TinkSetup.ensureRegistered();
  }

  Path directory() {
    return directory;
  }

  Optional<KeysetHandle> read(String name) {
    Path file = fileOf(name);
    try {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        unwrapped.remove(name);
        return Optional.empty();
      }
      FileVersion version = FileVersion.of(attributes);
      Unwrapped known = unwrapped.get(name);
      if (known != null && known.version().equals(version)) {
        return Optional.of(known.keyset());
      }
      String wrapped;
      try {
        wrapped = Files.readString(file);
      } catch (NoSuchFileException e) {
        // Destroyed since its attributes were read.
        unwrapped.remove(name);
        return Optional.empty();
      }
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrapped, master,
          name.getBytes(StandardCharsets.UTF_8));
      unwrapped.put(name, new Unwrapped(version, keyset));
      if (Files.notExists(file)) {
        // Destroyed while it was unwrapped: not kept in memory, since nothing reads a destroyed key again.
        unwrapped.remove(name);
        return Optional.empty();
      }
      return Optional.of(keyset);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read key " + name, e);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Key " + name + " cannot be unwrapped with the master key", e);
    }
  }

  synchronized void write(String name, KeysetHandle keyset) {
    if (isDestroyed(name)) {
      throw new KeyUnavailable("Key " + name + " was destroyed and is never created again");
    }
    try {
      String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master,
          name.getBytes(StandardCharsets.UTF_8));
      Path file = fileOf(name);
      Files.createDirectories(file.getParent());
      writeAtomically(file, json);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("Key " + name + " cannot be wrapped with the master key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store key " + name, e);
    }
  }

  /** Records the destruction first, so that a crash in between leaves a key that can no longer be used. */
  synchronized void destroy(String name, Instant when) {
    try {
      if (!isDestroyed(name)) {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(DESTROYED), name + " " + when + "\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND,
            java.nio.file.StandardOpenOption.SYNC);
      }
      Files.deleteIfExists(fileOf(name));
      unwrapped.remove(name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot destroy key " + name, e);
    }
  }

  boolean isDestroyed(String name) {
    return destroyed().contains(name);
  }

  /** Read again only when the register changed: it is only ever appended to, which changes its size. */
  Set<String> destroyed() {
    Path file = directory.resolve(DESTROYED);
    FileVersion version;
    try {
      version = FileVersion.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      return Set.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    Register known = register;
    if (known != null && known.version().equals(version)) {
      return known.names();
    }
    // Attributes first, content second: a line appended in between makes the next call read it all again.
    Set<String> names = Collections.unmodifiableSet(destroyedIn(directory));
    register = new Register(version, names);
    return names;
  }

  static Set<String> destroyedIn(Path folder) {
    Path register = folder.resolve(DESTROYED);
    if (!Files.exists(register)) {
      return Set.of();
    }
    try (Stream<String> lines = Files.lines(register, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).map(l -> l.split(" ", 2)[0])
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + register, e);
    }
  }

  /** Names of every stored key, e.g. {@code data/pmg-leeuwarden-oost/2026-11}. */
  synchronized List<String> names() {
    return namesIn(directory);
  }

  /**
   * Names of the stored keys directly in the folder {@code prefix}, e.g. {@code pseudonym/pmg-leeuwarden-oost}:
   * listing one folder per signal instead of walking every key there is.
   */
  List<String> namesUnder(String prefix) {
    Path folder = directory.resolve(prefix);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
          .map(f -> prefix + "/" + f.substring(0, f.length() - ".json".length()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  static List<String> namesIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".json"))
          .map(f -> folder.relativize(f).toString().replace('\\', '/'))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  Path fileOf(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a key name: " + name);
    }
    return directory.resolve(name + ".json");
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
