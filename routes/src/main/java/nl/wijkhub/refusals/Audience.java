package nl.wijkhub.refusals;

/** Who reads a refusal: machines get a problem, people the Dutch error page. Decided by path, never by Accept. */
public final class Audience {

  private Audience() {}

  /**
   * The API's own paths and the operators' actuator: machines, who read problems, not pages. Path parameters and
   * doubled slashes, which the firewall refuses, do not make an API path a page.
   */
  public static boolean forMachines(String path) {
    if (path == null) {
      return false;
    }
    String plain = path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    return plain.equals("/api") || plain.startsWith("/api/") || plain.equals("/actuator")
        || plain.startsWith("/actuator/");
  }
}
