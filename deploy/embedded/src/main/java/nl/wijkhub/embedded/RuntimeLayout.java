package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the build put what runs on this machine: the broker and registry that {@code deploy/runtime} lays out and
 * the hub jar.
 *
 * <p>The repository root is taken from the system property {@value #HOME_PROPERTY}, else the environment
 * variable {@value #HOME_ENV}, else the nearest directory at or above the current one that contains
 * {@code deploy/runtime}. The last rule lets tests run from any module directory without configuration.
 */
public final class RuntimeLayout {

  public static final String HOME_PROPERTY = "wijkhub.home";
  public static final String HOME_ENV = "WIJKHUB_HOME";

  private static final Path RUNTIME_MODULE = Path.of("deploy", "runtime");
  private static final String BUILD_HINT = "run ./mvnw -DskipTests package first";

  private final Path home;

  private RuntimeLayout(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /** The layout under an explicit repository root. */
  public static RuntimeLayout at(Path home) {
    return new RuntimeLayout(home);
  }

  /** The layout found from {@value #HOME_PROPERTY}, {@value #HOME_ENV} or the current directory. */
  public static RuntimeLayout locate() {
    return Optional.ofNullable(System.getProperty(HOME_PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(HOME_ENV)))
        .filter(value -> !value.isBlank())
        .map(Path::of)
        .map(RuntimeLayout::at)
        .orElseGet(() -> locateFrom(Path.of("")));
  }

  /** Walks up from {@code start} to the first directory that contains {@code deploy/runtime}. */
  static RuntimeLayout locateFrom(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(RUNTIME_MODULE))) {
        return new RuntimeLayout(dir);
      }
    }
    throw new IllegalStateException("No directory containing " + RUNTIME_MODULE + " at or above "
        + start.toAbsolutePath() + "; set -D" + HOME_PROPERTY + " or " + HOME_ENV
        + " to the Wijkhub repository root");
  }

  public Path home() {
    return home;
  }

  /** The directory holding the broker's jars, including kafka-tools and the log4j binding. */
  public Path kafkaLibs() {
    Path libs = runtimeTarget().resolve("kafka").resolve("libs");
    if (!Files.isDirectory(libs)) {
      throw missing("Kafka libraries", libs);
    }
    return libs;
  }

  /** The classpath for a JVM that runs a class from the broker's jars; the JVM expands the wildcard. */
  public String kafkaClasspath() {
    return kafkaLibs().resolve("*").toString();
  }

  /**
   * The unpacked Apicurio Registry Quarkus runner (it needs the {@code lib/} directory beside it). Found by
   * pattern so that the version is stated only in deploy/runtime's pom.
   */
  public Path apicurioRunnerJar() {
    Path dir = runtimeTarget().resolve("apicurio");
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> runners = Files.newDirectoryStream(dir, "apicurio-registry-app-*-runner.jar")) {
        for (Path runner : runners) {
          return runner;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + dir, e);
      }
    }
    throw missing("Apicurio Registry runner jar", dir);
  }

  /** The hub's executable Spring Boot jar, built by the routes module. */
  public Path hubJar() {
    Path jar = home.resolve(Path.of("routes", "target", "wijkhub.jar"));
    if (!Files.isRegularFile(jar)) {
      throw missing("Hub jar", jar);
    }
    return jar;
  }

  private Path runtimeTarget() {
    return home.resolve(RUNTIME_MODULE).resolve("target");
  }

  private static IllegalStateException missing(String what, Path where) {
    return new IllegalStateException(what + " not found at " + where + ": " + BUILD_HINT);
  }

  @Override
  public String toString() {
    return "RuntimeLayout[" + home + "]";
  }
}
