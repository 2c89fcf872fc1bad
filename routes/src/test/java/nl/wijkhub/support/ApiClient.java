package nl.wijkhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the hub's API the way a partner's system does, with its API key, or as a demo user (HTTP Basic, the user's
 * name as password).
 */
public record ApiClient(int port, String apiKey, String demoUser) {

  public ApiClient(int port, String apiKey) {
    this(port, apiKey, null);
  }

  /** As one of the demo users of {@code wijkhub.security.demo-users}. */
  public static ApiClient demoUser(int port, String name) {
    return new ApiClient(port, null, name);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ApiClient as(String otherKey) {
    return new ApiClient(port, otherKey, null);
  }

  public HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request = request(pathAndQuery).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public HttpResponse<String> postCsv(String pathAndQuery, String csv, String... headers) {
    return post(pathAndQuery, "text/csv", csv.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A multipart/form-data upload of one file in the field {@code bestand}, as browsers and curl -F send it. */
  public HttpResponse<String> upload(String pathAndQuery, String fileName, byte[] content) {
    String boundary = "wijkhub-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return post(pathAndQuery, "multipart/form-data; boundary=" + boundary, body);
  }

  public HttpResponse<String> put(String pathAndQuery, String contentType, byte[] body) {
    return send(request(pathAndQuery).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A GET with {@code headers} as name, value pairs, e.g. {@code "Accept", "text/csv"}. */
  public HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request = request(pathAndQuery).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    if (demoUser != null) {
      return builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8)));
    }
    return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
