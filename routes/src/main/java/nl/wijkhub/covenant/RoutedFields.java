package nl.wijkhub.covenant;

import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.events.SignalIdentity;
import org.apache.avro.Schema;

/**
 * The fields a covenant may permit a recipient, read from the schemas themselves so that a field renamed in an
 * .avsc cannot leave a covenant silently permitting nothing: the optional fields of RoutedSignal other than the
 * ciphertexts (e.g. {@code wijk}), and the fields inside the encrypted parts as {@code identity.<field>} and
 * {@code content.<field>}.
 */
public final class RoutedFields {

  public static final String IDENTITY = "identity";
  public static final String CONTENT = "content";

  public static final List<String> ALL = all();

  private RoutedFields() {}

  private static List<String> all() {
    List<String> fields = new ArrayList<>();
    for (Schema.Field field : RoutedSignal.getClassSchema().getFields()) {
      boolean optional = field.schema().isNullable();
      if (optional && !field.name().equals(IDENTITY) && !field.name().equals(CONTENT)) {
        fields.add(field.name());
      }
    }
    SignalIdentity.getClassSchema().getFields().forEach(f -> fields.add(IDENTITY + "." + f.name()));
    SignalContent.getClassSchema().getFields().forEach(f -> fields.add(CONTENT + "." + f.name()));
    return List.copyOf(fields);
  }
}
