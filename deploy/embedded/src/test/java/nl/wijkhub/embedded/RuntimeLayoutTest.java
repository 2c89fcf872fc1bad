package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeLayoutTest {

  @TempDir
  Path repo;

  @Test
  void walksUpToTheDirectoryThatHoldsDeployRuntime() throws IOException {
    Files.createDirectories(repo.resolve("deploy/runtime"));
    Path moduleDir = Files.createDirectories(repo.resolve("deploy/embedded/target"));

    assertThat(RuntimeLayout.locateFrom(moduleDir).home()).isEqualTo(repo.toAbsolutePath().normalize());
  }

  @Test
  void namesTheWayOutWhenNoRepositoryIsFound() {
    assertThatThrownBy(() -> RuntimeLayout.locateFrom(repo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(RuntimeLayout.HOME_PROPERTY)
        .hasMessageContaining(RuntimeLayout.HOME_ENV);
  }

  @Test
  void asksForABuildWhenTheRuntimeIsNotPackaged() {
    RuntimeLayout layout = RuntimeLayout.at(repo);

    assertThatThrownBy(layout::kafkaLibs).hasMessageContaining("run ./mvnw -DskipTests package first");
    assertThatThrownBy(layout::apicurioRunnerJar).hasMessageContaining("run ./mvnw -DskipTests package first");
  }

  @Test
  void findsThePackagedRuntime() throws IOException {
    Path libs = Files.createDirectories(repo.resolve("deploy/runtime/target/kafka/libs"));
    Path apicurio = Files.createDirectories(repo.resolve("deploy/runtime/target/apicurio"));
    Path runner = Files.createFile(apicurio.resolve("apicurio-registry-app-2.6.13.Final-runner.jar"));
    RuntimeLayout layout = RuntimeLayout.at(repo);

    assertThat(layout.kafkaLibs()).isEqualTo(libs);
    assertThat(layout.kafkaClasspath()).isEqualTo(libs + "/*");
    assertThat(layout.apicurioRunnerJar()).isEqualTo(runner);
  }
}
