package nl.wijkhub.multiteam.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The inbox statuses on H2 as the embedded hub migrates it: each recipient of a covenant keeps its own status of a
 * signal whose id every recipient's copy shares, and V230 gives the rows from before it their member's recipient.
 */
class InboxStatusesTest {

  private static final String COVENANT = "twee-ontvangers";
  private static final String A = "pmg-multiteam";
  private static final String B = "gemeente-leeuwarden";
  private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

  private SingleConnectionDataSource dataSource;

  /**
   * One connection throughout, as the hub's pool keeps one open: H2 binds a CHECK constraint's IN list to the session
   * that created it, so with a connection per statement the migrating session is closed before the first insert.
   */
  @BeforeEach
  void database() {
    dataSource = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);
  }

  @AfterEach
  void close() {
    dataSource.destroy();
  }

  @Test
  void eachRecipientSeesOnlyItsOwnStatusOfTheSameSignal() {
    migrate(null);
    InboxStatuses statuses = new InboxStatuses(dataSource);

    statuses.change(COVENANT, A, ItemType.SIGNAAL, "s-1", ItemStatus.IN_BEHANDELING, "2026-11", "lid-a", AT);

    assertThat(statuses.of(COVENANT, B, ItemType.SIGNAAL, "s-1")).isEqualTo(ItemStatus.NIEUW);
    assertThat(statuses.of(COVENANT, B, ItemType.SIGNAAL)).isEmpty();

    statuses.change(COVENANT, B, ItemType.SIGNAAL, "s-1", ItemStatus.AFGESLOTEN, "2026-11", "lid-b", AT);

    assertThat(statuses.of(COVENANT, A, ItemType.SIGNAAL)).containsExactly(Map.entry("s-1",
        ItemStatus.IN_BEHANDELING));
    assertThat(statuses.of(COVENANT, B, ItemType.SIGNAAL)).containsExactly(Map.entry("s-1", ItemStatus.AFGESLOTEN));
    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT recipient || ':' || old_status || '>' || new_status"
        + " FROM inbox_status_change ORDER BY changed_by", String.class))
        .containsExactly(A + ":NIEUW>IN_BEHANDELING", B + ":NIEUW>AFGESLOTEN");
  }

  @Test
  void rowsFromBeforeTheRecipientGoToTheRecipientTheAccessLogNamesForTheirMember() {
    migrate("180");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("INSERT INTO access_record (span_id, trace_id, acting_person, role, organisation, accessed_at)"
        + " VALUES ('span-1', 'trace-1', 'lid-a', ?, ?, ?)", "multiteam-lid:" + COVENANT, A, Timestamp.from(AT));
    // Then lid-a closed s-1, which lid-b had taken up before; lid-b never opened an item of this covenant.
    statusRow(jdbc, "s-1", "AFGESLOTEN", AT.plusSeconds(60));
    change(jdbc, "s-1", "NIEUW", "IN_BEHANDELING", "lid-b", AT);
    change(jdbc, "s-1", "IN_BEHANDELING", "AFGESLOTEN", "lid-a", AT.plusSeconds(60));
    statusRow(jdbc, "s-2", "IN_BEHANDELING", AT);
    change(jdbc, "s-2", "NIEUW", "IN_BEHANDELING", "lid-b", AT);

    migrate(null);

    InboxStatuses statuses = new InboxStatuses(dataSource);
    assertThat(statuses.of(COVENANT, A, ItemType.SIGNAAL)).containsExactly(Map.entry("s-1", ItemStatus.AFGESLOTEN));
    assertThat(statuses.of(COVENANT, B, ItemType.SIGNAAL)).as("no recipient is known for lid-b").isEmpty();
    assertThat(jdbc.queryForList("SELECT changed_by || '=' || recipient FROM inbox_status_change ORDER BY"
        + " changed_at, item_id", String.class)).containsExactly("lid-b=", "lid-b=", "lid-a=" + A);
  }

  private void migrate(String target) {
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/privacy/h2");
    (target == null ? flyway : flyway.target(target)).load().migrate();
  }

  private static void statusRow(JdbcTemplate jdbc, String item, String status, Instant at) {
    jdbc.update("INSERT INTO inbox_item_status (covenant_id, item_type, item_id, status, changed_at, key_period)"
        + " VALUES (?, 'SIGNAAL', ?, ?, ?, '2026-11')", COVENANT, item, status, Timestamp.from(at));
  }

  private static void change(JdbcTemplate jdbc, String item, String from, String to, String member, Instant at) {
    jdbc.update("INSERT INTO inbox_status_change (change_id, covenant_id, item_type, item_id, old_status, new_status,"
        + " changed_by, changed_at, key_period) VALUES (?, ?, 'SIGNAAL', ?, ?, ?, ?, ?, '2026-11')",
        UUID.randomUUID().toString(), COVENANT, item, from, to, member, Timestamp.from(at));
  }
}
