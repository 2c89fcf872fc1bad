package nl.wijkhub.accessrequest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A match notification passed on only that another organisation signalled and whom to contact there; the answer to
 * a resident says exactly that, not the covenant's categories.
 */
class DataCategoriesTest {

  @Test
  void aNotifiedProfessionalReceivedOnlyTheMatchAndTheOtherProfessionalsContacts() {
    assertThat(DataCategories.of(null, "ikc-1", "genotificeerd")).containsExactly(
        "dat ook een andere organisatie een signaal gaf", "naam, organisatie en contactgegevens van de andere melders");
  }
}
