package nl.wijkhub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI description is valid OpenAPI 3, and docs/api.md documents exactly its operations: a new endpoint in
 * one without the other fails here. (That the hub serves exactly these operations is checked in SubmissionsApiIT;
 * Spectral's NL API Design Rules lint runs in .ci/run.)
 */
class OpenApiDescriptionTest {

  private static final Pattern DOCUMENTED = Pattern.compile("(?m)^### (GET|POST|PUT|PATCH|DELETE) (/api/v1/\\S*)$");

  @Test
  void descriptionIsValidOpenApi3WithoutAnyMessage() throws IOException {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(text(), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    assertThat(result.getOpenAPI().getInfo().getVersion()).isEqualTo(ApiVersionHeader.VERSION);
  }

  @Test
  void apiDocumentationHasAHeadingForEveryOperationAndNoOther() throws IOException {
    String docs = Files.readString(Path.of("../docs/api.md"), StandardCharsets.UTF_8);
    List<String> documented = new ArrayList<>();
    for (Matcher m = DOCUMENTED.matcher(docs); m.find(); ) {
      documented.add(m.group(1) + " " + m.group(2));
    }

    assertThat(documented).containsExactlyInAnyOrderElementsOf(operations(description()));
  }

  @Test
  void everyDocumentedCallHasACurlExample() throws IOException {
    String docs = Files.readString(Path.of("../docs/api.md"), StandardCharsets.UTF_8);
    String[] sections = docs.split("(?m)^### ");

    for (String section : sections) {
      if (DOCUMENTED.matcher("### " + section.lines().findFirst().orElse("")).find()) {
        assertThat(section).as(section.lines().findFirst().orElse("")).contains("curl ");
      }
    }
  }

  /** "METHOD /api/v1/path" for every operation, the server's base path joined to the path key. */
  static List<String> operations(JsonNode description) {
    String base = URI.create(description.get("servers").get(0).get("url").asString()).getPath();
    List<String> operations = new ArrayList<>();
    description.get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method ->
        operations.add(method.toUpperCase(Locale.ROOT) + " " + base + path.getKey())));
    return operations;
  }

  private static JsonNode description() throws IOException {
    return YAMLMapper.builder().build().readTree(text());
  }

  private static String text() throws IOException {
    try (InputStream in = new ClassPathResource(OpenApiController.DESCRIPTION).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
