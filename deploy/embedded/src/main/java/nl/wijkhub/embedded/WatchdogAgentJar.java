package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The {@link ParentWatchdog} agent as a jar of one class, written once per JVM to a temporary file. Built at run
 * time from the loaded class, so it works the same from this module's jar, from {@code target/classes} in tests
 * and from any other module's tests, with no separate build artifact to find.
 */
final class WatchdogAgentJar {

  private static Path jar;

  private WatchdogAgentJar() {}

  /** The {@code -javaagent:} argument that makes a child JVM end with this one. */
  static synchronized String javaAgentArgument() {
    if (jar == null) {
      jar = write();
    }
    return "-javaagent:" + jar;
  }

  private static Path write() {
    String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
    try {
      Path file = Files.createTempFile("wijkhub-watchdog", ".jar");
      file.toFile().deleteOnExit();
      try (InputStream bytes = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry);
          OutputStream out = Files.newOutputStream(file);
          JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
        if (bytes == null) {
          throw new IllegalStateException(entry + " is not on the class path");
        }
        jarOut.putNextEntry(new JarEntry(entry));
        bytes.transferTo(jarOut);
        jarOut.closeEntry();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the watchdog agent jar", e);
    }
  }
}
