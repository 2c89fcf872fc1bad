package nl.wijkhub.covenant;

import java.util.List;

/**
 * One entry of the register of processing activities (verwerkingsregister, GDPR art. 30), the target of every
 * processing record's activity URI. Texts are Dutch: the privacy officer reads them.
 */
public record ProcessingActivity(String id, String name, String purpose, String legalGround, String controller,
    List<String> dataCategories, String dataSubjects) {

  public ProcessingActivity {
    dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
  }
}
