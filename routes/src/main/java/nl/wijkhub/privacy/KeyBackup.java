package nl.wijkhub.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backs up the key folder and restores it, with one rule above all: a key that was destroyed never comes back.
 * A backup holds the wrapped keys (useless without the master key, which is backed up apart, in the KMS or the
 * operator's safe) and the register of destroyed keys as it was. A restore adds only keys that are missing from
 * the live folder and destroyed in neither register, and merges the registers, so an old backup can fill in a lost
 * key but cannot undo a destruction recorded in the live folder.
 */
public final class KeyBackup {

  /** What a restore did, by key name; names only, no key material. */
  public record Restored(List<String> restored, List<String> refusedAsDestroyed, List<String> alreadyPresent) {}

  private final KeyFiles keys;
  private final Clock clock;

  KeyBackup(KeyFiles keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** Writes a backup into {@code target}, which must not exist yet; returns the names of the keys in it. */
  public List<String> backup(Path target) {
    synchronized (keys) {
      try {
        Files.createDirectories(target.getParent());
        Files.createDirectory(target);
        List<String> names = keys.names();
        for (String name : names) {
          Path copy = target.resolve(name + ".json");
          Files.createDirectories(copy.getParent());
          Files.copy(keys.fileOf(name), copy);
        }
        Path register = keys.directory().resolve(KeyFiles.DESTROYED);
        if (Files.exists(register)) {
          Files.copy(register, target.resolve(KeyFiles.DESTROYED));
        }
        return names;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot back up the keys to " + target, e);
      }
    }
  }

  public Restored restore(Path backup) {
    synchronized (keys) {
      Set<String> destroyed = new TreeSet<>(keys.destroyed());
      Set<String> destroyedInBackup = KeyFiles.destroyedIn(backup);
      destroyed.addAll(destroyedInBackup);
      List<String> restored = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      List<String> present = new ArrayList<>();
      Set<String> live = Set.copyOf(keys.names());
      try {
        for (String name : destroyedInBackup) {
          if (!keys.isDestroyed(name)) {
            keys.destroy(name, clock.instant());
          }
        }
        for (String name : KeyFiles.namesIn(backup)) {
          if (destroyed.contains(name)) {
            refused.add(name);
          } else if (live.contains(name)) {
            present.add(name);
          } else {
            Path file = keys.fileOf(name);
            Files.createDirectories(file.getParent());
            Files.write(file, Files.readAllBytes(backup.resolve(name + ".json")), StandardOpenOption.CREATE_NEW);
            restored.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot restore the keys from " + backup, e);
      }
      return new Restored(restored, refused, present);
    }
  }
}
