package nl.wijkhub.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import nl.wijkhub.delivery.CountRow;
import nl.wijkhub.delivery.DeliveryKind.RowHandler;
import nl.wijkhub.delivery.DeliveryRefused;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.delivery.PersonalData;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topic;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

class CountsKindTest {

  private final List<Object> sent = new ArrayList<>();
  private final EventTransaction tx = new EventTransaction() {
    @Override
    public <V> Future<RecordMetadata> send(Topic<V> topic, String key, V value) {
      sent.add(value);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void commit() {}

    @Override
    public void close() {}
  };

  private RowHandler dbieb() {
    return new CountsKind(Fixtures.reference()).begin(Fixtures.delivery("dbieb"), tx, (line, id) -> { });
  }

  @Test
  void validRowBecomesOneObservationOnTheIndicatorsTopic() {
    List<Problem> problems = new ArrayList<>();

    boolean accepted = dbieb().accept(Fixtures.row(2, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", null).toRaw(),
        problems);

    assertThat(accepted).isTrue();
    assertThat(problems).isEmpty();
    assertThat(sent).singleElement().isInstanceOfSatisfying(IndicatorObservation.class,
        o -> assertThat(o.getValue()).isEqualTo(7.0));
    assertThat(Topics.INDICATORS.valueType()).isEqualTo(IndicatorObservation.class);
  }

  @Test
  void aBsnInANoteRefusesTheWholeDeliveryWithoutQuotingIt() {
    CountRow row = Fixtures.row(4, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", "koppel met 111222333");

    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class,
        () -> dbieb().accept(row.toRaw(), new ArrayList<>()));

    assertThat(refused.problem().code()).isEqualTo(PersonalData.CODE);
    assertThat(refused.problem().line()).isEqualTo(4);
    assertThat(refused.problem().field()).isEqualTo("toelichting");
    assertThat(refused.problem().message()).doesNotContain("111222333");
    assertThat(sent).isEmpty();
  }
}
