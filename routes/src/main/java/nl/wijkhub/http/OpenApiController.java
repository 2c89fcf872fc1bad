package nl.wijkhub.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Serves the hand-written OpenAPI description ({@code openapi/wijkhub-api.yaml}, the contract partners integrate
 * against and Spectral lints) as JSON. Read once: it is part of the release.
 */
@RestController
class OpenApiController {

  static final String DESCRIPTION = "openapi/wijkhub-api.yaml";

  private final JsonNode description;

  OpenApiController() {
    try (InputStream in = new ClassPathResource(DESCRIPTION).getInputStream()) {
      description = YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("The OpenAPI description is missing from the jar", e);
    }
  }

  @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
  JsonNode openApi() {
    return description;
  }
}
