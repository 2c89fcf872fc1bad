package nl.wijkhub.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxPlaceTest {

  @TempDir
  Path inbox;

  @Test
  void aFileInThePartnerFolderIsReadAsADelivery() throws IOException {
    InboxPlace place = InboxPlace.of(inbox, file("dbieb/tellingen.csv"));

    assertThat(place.reason()).isEmpty();
    assertThat(place.partnerId()).isEqualTo("dbieb");
    assertThat(place.trial()).isFalse();
  }

  @Test
  void aFileInTheTrialFolderIsReadAsATrial() throws IOException {
    InboxPlace place = InboxPlace.of(inbox, file("dbieb/proef/tellingen.csv"));

    assertThat(place.reason()).isEmpty();
    assertThat(place.partnerId()).isEqualTo("dbieb");
    assertThat(place.trial()).isTrue();
  }

  @Test
  void aFileInTheInboxRootIsRefusedWithAReason() throws IOException {
    Path file = file("tellingen.csv");

    InboxPlace place = InboxPlace.of(inbox, file);

    assertThat(place.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("direct in de map inbox/"));
    assertThat(place.refused()).isEqualTo(file);
  }

  @Test
  void aFileInAnotherSubfolderOrNestedDeeperIsRefused() throws IOException {
    assertThat(InboxPlace.of(inbox, file("dbieb/oud/tellingen.csv")).reason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("'dbieb/oud' wordt niet gelezen"));
    assertThat(InboxPlace.of(inbox, file("dbieb/proef/2024/tellingen.csv")).reason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("'dbieb/proef/2024' wordt niet gelezen"));
  }

  @Test
  void aSymbolicLinkIsRefusedAndTheLinkItselfIsWhatMovesAside() throws IOException {
    Path target = Files.writeString(Files.createTempFile("elders", ".csv"), "geheim");
    Path link = Files.createSymbolicLink(Files.createDirectories(inbox.resolve("dbieb")).resolve("link.csv"), target);

    InboxPlace place = InboxPlace.of(inbox, link);

    assertThat(place.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("symbolische koppeling"));
    assertThat(place.refused()).isEqualTo(link);
  }

  @Test
  void aFileBehindALinkedFolderIsRefusedAtTheLink() throws IOException {
    Path elsewhere = Files.createTempDirectory("elders");
    Files.writeString(elsewhere.resolve("tellingen.csv"), "geheim");
    Path linkedFolder = Files.createSymbolicLink(inbox.resolve("dbieb"), elsewhere);

    InboxPlace place = InboxPlace.of(inbox, linkedFolder.resolve("tellingen.csv"));

    assertThat(place.reason()).isPresent();
    assertThat(place.refused()).isEqualTo(linkedFolder);
  }

  private Path file(String relative) throws IOException {
    Path file = inbox.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "indicator;wijk;periode;waarde\n");
  }
}
