package nl.wijkhub.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How the hub opens its YAML configuration, so that every file refuses the same things with the same words:
 * unknown keys are refused, a file with nothing but comments has no content (not a parse error), and a parse
 * problem names the file, the entry and the line ({@link ReferenceDataLoader#where}).
 */
public final class YamlReader {

  private final YAMLMapper yaml = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private final ResourceLoader resources;

  public YamlReader(ResourceLoader resources) {
    this.resources = resources;
  }

  public boolean exists(String path) {
    return resources.getResource(path).exists();
  }

  /**
   * The file's content, empty when it holds no YAML at all.
   *
   * @param whenUnreadable added to "Cannot read {path}" when the file cannot be opened, to say what to set
   */
  public <T> Optional<T> read(String path, Class<T> type, String whenUnreadable) {
    Resource resource = resources.getResource(path);
    try (InputStream in = resource.getInputStream(); JsonParser parser = yaml.createParser(in)) {
      // An empty file (or one with only comments) has no token at all; readValue would call that invalid YAML.
      return parser.nextToken() == null ? Optional.empty() : Optional.ofNullable(yaml.readValue(parser, type));
    } catch (IOException e) {
      throw new ReferenceDataException("Cannot read " + path + whenUnreadable, e);
    } catch (JacksonException e) {
      throw new ReferenceDataException(path + " is not valid at " + ReferenceDataLoader.where(e) + ": "
          + e.getOriginalMessage() + ". Fix that entry; the expected keys are in the file's header comment.", e);
    }
  }
}
