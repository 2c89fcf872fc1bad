package nl.wijkhub.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the hub's own mail server vouches for a message's {@code From} address, by the
 * {@code Authentication-Results} headers it added (RFC 8601): a header of the trusted authserv-id that reports
 * {@code dmarc=pass}, or {@code dkim=pass} for the From domain or a parent domain of it. Headers of any other
 * authserv-id are ignored, since the sender can write those. The mail server must remove incoming headers that
 * carry its own authserv-id (RFC 8601, section 5), or a sender could forge those too.
 */
final class SenderAuthentication {

  private final String trustedAuthservId;

  /** @param trustedAuthservId the authserv-id of the hub's mail server; null or blank turns the check off */
  SenderAuthentication(String trustedAuthservId) {
    this.trustedAuthservId = trustedAuthservId == null ? "" : trustedAuthservId.strip();
  }

  /**
   * @param authenticationResults every {@code Authentication-Results} header of the message, or null for none
   * @param fromAddress the message's single {@code From} address
   */
  boolean authenticated(String[] authenticationResults, String fromAddress) {
    if (trustedAuthservId.isEmpty()) {
      return true;
    }
    if (authenticationResults == null) {
      return false;
    }
    String fromDomain = lower(fromAddress.substring(fromAddress.lastIndexOf('@') + 1));
    for (String header : authenticationResults) {
      List<String> parts = statements(header);
      if (parts.isEmpty() || !authservId(parts.get(0)).equalsIgnoreCase(trustedAuthservId)) {
        continue;
      }
      for (String result : parts.subList(1, parts.size())) {
        if (vouchesFor(properties(result), fromDomain)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean vouchesFor(Map<String, String> result, String fromDomain) {
    if ("pass".equals(result.get("dmarc"))) {
      return true;
    }
    String signer = result.get("header.d");
    return "pass".equals(result.get("dkim")) && signer != null
        && (fromDomain.equals(signer) || fromDomain.endsWith("." + signer));
  }

  /** The header split at its semicolons, comments and quotes removed: the authserv-id, then one result each. */
  private static List<String> statements(String header) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int comment = 0;
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (quoted) {
        quoted = c != '"';
        part.append(quoted ? c : "");
      } else if (c == '(') {
        comment++;
      } else if (comment > 0) {
        comment -= c == ')' ? 1 : 0;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        parts.add(part.toString().strip());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString().strip());
    return parts;
  }

  /** The authserv-id without its optional version, e.g. {@code mx.example} in {@code mx.example 1}. */
  private static String authservId(String statement) {
    return statement.split("\\s+", 2)[0];
  }

  /**
   * One result as lower-case names and values, the method without its version: {@code dkim=pass header.d=x} gives
   * {@code dkim → pass, header.d → x}.
   */
  private static Map<String, String> properties(String result) {
    Map<String, String> properties = new HashMap<>();
    for (String pair : result.replaceAll("\\s*=\\s*", "=").split("\\s+")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String name = lower(pair.substring(0, equals));
        int version = name.indexOf('/');
        properties.putIfAbsent(version < 0 ? name : name.substring(0, version), lower(pair.substring(equals + 1)));
      }
    }
    return properties;
  }

  private static String lower(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
