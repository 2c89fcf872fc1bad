package nl.wijkhub.reference;

import java.util.List;

/** Bad reference data: stops start-up and lists every problem with file, entry and fix. */
public class ReferenceDataException extends RuntimeException {

  public ReferenceDataException(List<String> problems) {
    super("The reference data has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
  }

  public ReferenceDataException(String problem, Throwable cause) {
    super(problem, cause);
  }
}
