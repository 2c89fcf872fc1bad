package nl.wijkhub.multiteam.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status of each inbox item (tables of V110__inbox_status.sql) and the history of its changes, with the member
 * who made each. Ids only: nothing here says who the item is about. Each recipient of a covenant keeps its own
 * status (V230): its copy of a signal has the same id as the other recipients' copies, and what one MultiTeam
 * does with it is not the other's to see. Each row keeps the item's data-key period (V180), by which
 * retention/InboxStatusRetention deletes it when the covenant's retention for that period ends.
 */
@Repository
class InboxStatuses {

  private final JdbcTemplate jdbc;

  InboxStatuses(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * The recipient's status of every item of this type and covenant that has one; the others are
   * {@link ItemStatus#NIEUW}.
   */
  Map<String, ItemStatus> of(String covenantId, String recipient, ItemType type) {
    Map<String, ItemStatus> statuses = new HashMap<>();
    jdbc.query("SELECT item_id, status FROM inbox_item_status WHERE covenant_id = ? AND recipient = ? AND"
        + " item_type = ?", row -> {
          statuses.put(row.getString(1), ItemStatus.valueOf(row.getString(2)));
        }, covenantId, recipient, type.name());
    return statuses;
  }

  ItemStatus of(String covenantId, String recipient, ItemType type, String itemId) {
    return jdbc.query("SELECT status FROM inbox_item_status WHERE covenant_id = ? AND recipient = ? AND"
        + " item_type = ? AND item_id = ?", rows -> rows.next() ? ItemStatus.valueOf(rows.getString(1))
        : ItemStatus.NIEUW, covenantId, recipient, type.name(), itemId);
  }

  /** Sets the status and records the change with who made it; setting the status it already has changes nothing. */
  @Transactional
  void change(String covenantId, String recipient, ItemType type, String itemId, ItemStatus status,
      String keyPeriod, String member, Instant at) {
    ItemStatus old = of(covenantId, recipient, type, itemId);
    if (old == status) {
      return;
    }
    Timestamp when = Timestamp.from(at);
    // A match's period moves on with its latest signal; the row follows, so that it goes with the last key.
    int updated = jdbc.update("UPDATE inbox_item_status SET status = ?, changed_at = ?, key_period = ? WHERE"
        + " covenant_id = ? AND recipient = ? AND item_type = ? AND item_id = ?", status.name(), when, keyPeriod,
        covenantId, recipient, type.name(), itemId);
    if (updated == 0) {
      jdbc.update("INSERT INTO inbox_item_status (covenant_id, recipient, item_type, item_id, status, changed_at,"
          + " key_period) VALUES (?, ?, ?, ?, ?, ?, ?)", covenantId, recipient, type.name(), itemId, status.name(),
          when, keyPeriod);
    }
    jdbc.update("UPDATE inbox_status_change SET key_period = ? WHERE covenant_id = ? AND recipient = ? AND"
        + " item_type = ? AND item_id = ?", keyPeriod, covenantId, recipient, type.name(), itemId);
    jdbc.update("INSERT INTO inbox_status_change (change_id, covenant_id, recipient, item_type, item_id, old_status,"
        + " new_status, changed_by, changed_at, key_period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), covenantId, recipient, type.name(), itemId, old.name(), status.name(), member,
        when, keyPeriod);
  }
}
