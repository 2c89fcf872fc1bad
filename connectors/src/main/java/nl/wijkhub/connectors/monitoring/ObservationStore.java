package nl.wijkhub.connectors.monitoring;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.wijkhub.events.IndicatorObservation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes observations idempotently and answers queries on current values. Standard SQL {@code MERGE} keeps one
 * statement set for PostgreSQL and H2: history rows are inserted once per (submission, line), and a partner's
 * current row of a key is replaced only by a higher (revision, line, submission), so replays and out-of-order
 * arrivals change nothing. A figure is the sum of its partners' current values. A value withheld at source ("<5")
 * is kept as such (value 0, {@code withheld} true), never as a number.
 *
 * <p>A withdrawal (an observation whose {@code withdraws} names a delivery) withdraws the whole delivery: it is kept
 * in its own table, keyed by the withdrawn delivery, and the partner's current value of every key the delivery
 * holds is recomputed from the history without values of withdrawn deliveries: the previous revision counts again,
 * or none. The same recomputation runs for any value of an already withdrawn delivery that arrives later (a lagging
 * partition, a replayed dead letter, a rebuild), so the order in which values and withdrawal arrive never matters.
 */
public class ObservationStore {

  private static final String COLUMNS =
      "programme, indicator, wijk, period, observed, note, partner, submission_id, line, revision, received_at,"
      + " withheld";
  /**
   * Typed placeholders, because PostgreSQL cannot infer parameter types inside VALUES; the text casts carry no
   * length, so a value too long for its column is refused (SQL state 22001) instead of silently cut to a key that
   * may belong to another indicator.
   */
  private static final String SOURCE = "USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
      + " CAST(? AS VARCHAR), CAST(? AS DOUBLE PRECISION), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
      + " CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TIMESTAMP), CAST(? AS BOOLEAN))) AS s(" + COLUMNS + ")";
  private static final String SOURCE_VALUES = "s.programme, s.indicator, s.wijk, s.period, s.observed, s.note,"
      + " s.partner, s.submission_id, s.line, s.revision, s.received_at, s.withheld";

  private static final String MERGE_HISTORY = "MERGE INTO observation_history h " + SOURCE
      + " ON h.submission_id = s.submission_id AND h.line = s.line"
      + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + SOURCE_VALUES + ")";

  private static final String MERGE_CURRENT = "MERGE INTO observation_current c " + SOURCE
      + " ON c.programme = s.programme AND c.indicator = s.indicator AND c.wijk = s.wijk AND c.period = s.period"
      + " AND c.partner = s.partner"
      + " WHEN MATCHED AND (s.revision > c.revision OR (s.revision = c.revision AND s.line > c.line)"
      + " OR (s.revision = c.revision AND s.line = c.line AND s.submission_id > c.submission_id)) THEN UPDATE SET"
      + " observed = s.observed, note = s.note, submission_id = s.submission_id,"
      + " line = s.line, revision = s.revision, received_at = s.received_at, withheld = s.withheld"
      + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + SOURCE_VALUES + ")";

  private static final String MERGE_WITHDRAWAL = "MERGE INTO withdrawn_delivery w USING (VALUES ("
      + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP))) AS s(submission_id, withdrawal_id,"
      + " withdrawn_at) ON w.submission_id = s.submission_id"
      + " WHEN NOT MATCHED THEN INSERT (submission_id, withdrawal_id, withdrawn_at)"
      + " VALUES (s.submission_id, s.withdrawal_id, s.withdrawn_at)";

  /** A history row's delivery is withdrawn (the alias h is the history row). */
  private static final String WITHDRAWN =
      "EXISTS (SELECT 1 FROM withdrawn_delivery w WHERE w.submission_id = h.submission_id)";

  private static final String KEY_AND_PARTNER =
      "programme = ? AND indicator = ? AND wijk = ? AND period = ? AND partner = ?";

  private static final String DELETE_CURRENT = "DELETE FROM observation_current WHERE " + KEY_AND_PARTNER;

  /** The partner's latest value of the key that is not withdrawn, in the order the store applies. */
  private static final String REFILL_CURRENT = "INSERT INTO observation_current (" + COLUMNS + ") SELECT " + COLUMNS
      + " FROM observation_history h WHERE " + KEY_AND_PARTNER + " AND NOT " + WITHDRAWN
      + " ORDER BY revision DESC, line DESC, submission_id DESC FETCH FIRST 1 ROWS ONLY";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM ";
  private static final String KEY = "programme, indicator, wijk, period";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;

  public ObservationStore(DataSource dataSource) {
    DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(manager);
    this.savepoint = new TransactionTemplate(manager);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Stores a batch all or nothing and returns the programmes in which a partner's current value was recomputed
   * because of a withdrawal (empty when none was). On its own it is one database transaction; inside {@link #replaceAll} it is a
   * savepoint, so a refused batch leaves the rebuild's transaction usable.
   */
  public Set<String> store(List<IndicatorObservation> batch) {
    if (batch.isEmpty()) {
      return Set.of();
    }
    List<IndicatorObservation> values = batch.stream().filter(o -> o.getWithdraws() == null).toList();
    List<IndicatorObservation> withdrawals = batch.stream().filter(o -> o.getWithdraws() != null).toList();
    return savepoint.execute(status -> {
      jdbc.batchUpdate(MERGE_HISTORY, values, values.size(), ObservationStore::bind);
      jdbc.batchUpdate(MERGE_CURRENT, values, values.size(), ObservationStore::bind);
      jdbc.batchUpdate(MERGE_WITHDRAWAL, withdrawals, withdrawals.size(), ObservationStore::bindWithdrawal);
      Set<PartnerKey> recompute = new LinkedHashSet<>();
      withdrawals.stream().map(IndicatorObservation::getWithdraws).distinct()
          .forEach(withdrawn -> recompute.addAll(keysOf(withdrawn)));
      recompute.addAll(withdrawnAmong(values));
      Set<String> programmes = new TreeSet<>();
      for (PartnerKey key : recompute) {
        jdbc.update(DELETE_CURRENT, key.args());
        jdbc.update(REFILL_CURRENT, key.args());
        programmes.add(key.programme());
      }
      return programmes;
    });
  }

  /** The (key, partner)s a delivery holds values for in the store. */
  private List<PartnerKey> keysOf(String submissionId) {
    return jdbc.query("SELECT DISTINCT programme, indicator, wijk, period, partner FROM observation_history"
        + " WHERE submission_id = ?", (rs, n) -> new PartnerKey(rs.getString("programme"),
        rs.getString("indicator"), rs.getString("wijk"), rs.getString("period"), rs.getString("partner")),
        submissionId);
  }

  /** The (key, partner)s of values in the batch whose delivery was already withdrawn: late or replayed values. */
  private Set<PartnerKey> withdrawnAmong(List<IndicatorObservation> values) {
    Set<String> submissions = new TreeSet<>();
    values.forEach(v -> submissions.add(v.getSubmissionId()));
    Set<String> withdrawn = new HashSet<>();
    for (String submission : submissions) {
      withdrawn.addAll(jdbc.queryForList("SELECT submission_id FROM withdrawn_delivery WHERE submission_id = ?",
          String.class, submission));
    }
    if (withdrawn.isEmpty()) {
      return Set.of();
    }
    Set<PartnerKey> hit = new LinkedHashSet<>();
    values.stream().filter(v -> withdrawn.contains(v.getSubmissionId())).map(PartnerKey::of).forEach(hit::add);
    return hit;
  }

  /**
   * Empties the store and fills it again with what {@code refill} stores, in one transaction: readers see the old
   * values until the new ones are committed (on PostgreSQL and on H2's MVCC store alike), and a failed refill
   * leaves the old store as it was.
   */
  public void replaceAll(Runnable refill) {
    transaction.executeWithoutResult(status -> {
      jdbc.update("DELETE FROM observation_current");
      jdbc.update("DELETE FROM withdrawn_delivery");
      jdbc.update("DELETE FROM observation_history");
      refill.run();
    });
  }

  /** One page of figures in key order, starting after {@code after} (null: from the start). */
  public FigurePage figures(ObservationQuery query, FigureKey after, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + KEY + " FROM observation_current WHERE 1 = 1");
    filter(sql, args, query);
    if (after != null) {
      sql.append(" AND ").append(keyAfter(args, after));
    }
    sql.append(" GROUP BY " + KEY + " ORDER BY " + KEY + " LIMIT ?");
    args.add(limit + 1);
    List<FigureKey> keys = jdbc.query(sql.toString(), (rs, row) -> new FigureKey(rs.getString("programme"),
        rs.getString("indicator"), rs.getString("wijk"), rs.getString("period")), args.toArray());
    if (keys.isEmpty()) {
      return new FigurePage(List.of(), null);
    }
    List<FigureKey> page = keys.subList(0, Math.min(limit, keys.size()));
    return new FigurePage(figuresOf(query, page), keys.size() > limit ? page.get(page.size() - 1) : null);
  }

  /** Every partner's current value that the query selects, in key and partner order. */
  public List<StoredObservation> current(ObservationQuery query) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT).append("observation_current WHERE 1 = 1");
    filter(sql, args, query);
    sql.append(" ORDER BY " + KEY + ", partner");
    return jdbc.query(sql.toString(), ObservationStore::map, args.toArray());
  }

  /** Every stored value of one key, of every partner, oldest revision first. */
  public List<StoredObservation> history(String programme, String indicator, String wijk, String period) {
    return jdbc.query(SELECT + "observation_history WHERE programme = ? AND indicator = ? AND wijk = ? AND period = ?"
            + " ORDER BY revision, line, submission_id", ObservationStore::map, programme, indicator, wijk, period);
  }

  /**
   * Every value of one key that was ever stored, of every partner, oldest revision first, each with its withdrawal
   * if its delivery was withdrawn. For staff only: public views never show history.
   */
  public List<Revision> revisions(FigureKey key) {
    return revisions(" AND h.wijk = ? AND h.period = ?", key.programme(), key.indicator(), key.wijk(),
        key.period());
  }

  /** {@link #revisions(FigureKey)} of every wijk and period of an indicator, in wijk and period order. */
  public List<Revision> revisions(String programme, String indicator) {
    return revisions("", programme, indicator);
  }

  /** The programmes a delivery holds values in (a partner belongs to one, so at most one). */
  public List<String> programmesOf(String submissionId) {
    return jdbc.queryForList("SELECT DISTINCT programme FROM observation_history WHERE submission_id = ?",
        String.class, submissionId);
  }

  private List<Revision> revisions(String narrower, Object... args) {
    return jdbc.query("SELECT h.programme, h.indicator, h.wijk, h.period, h.observed, h.note, h.partner,"
        + " h.submission_id, h.line, h.revision, h.received_at, h.withheld, w.withdrawal_id, w.withdrawn_at"
        + " FROM observation_history h LEFT JOIN withdrawn_delivery w ON w.submission_id = h.submission_id"
        + " WHERE h.programme = ? AND h.indicator = ?" + narrower
        + " ORDER BY h.wijk, h.period, h.revision, h.partner, h.line, h.submission_id", (rs, n) -> {
          Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
          return new Revision(map(rs, n), rs.getString("withdrawal_id"),
              withdrawnAt == null ? null : withdrawnAt.toInstant());
        }, args);
  }

  /**
   * The keys a delivery holds values for in the store, one row each (its last line of the key): where a withdrawal
   * of the delivery is published. The withdrawal covers the whole delivery, including values the store has not read
   * yet; these keys only carry it.
   */
  public List<StoredObservation> keysHeld(String submissionId) {
    return jdbc.query(SELECT + "observation_history h WHERE submission_id = ?"
        + " AND NOT EXISTS (SELECT 1 FROM observation_history l WHERE l.submission_id = h.submission_id"
        + " AND l.programme = h.programme AND l.indicator = h.indicator AND l.wijk = h.wijk AND l.period = h.period"
        + " AND l.partner = h.partner AND l.line > h.line) ORDER BY " + KEY, ObservationStore::map, submissionId);
  }

  /** Whether the store holds any value of this delivery, withdrawn or not. */
  public boolean holds(String submissionId) {
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM observation_history WHERE submission_id = ?",
        Integer.class, submissionId);
    return rows != null && rows > 0;
  }

  /** The partners' rows of the page's keys: the keys are contiguous in key order, so one range holds them all. */
  private List<Figure> figuresOf(ObservationQuery query, List<FigureKey> page) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT).append("observation_current WHERE 1 = 1");
    filter(sql, args, query);
    sql.append(" AND NOT ").append(keyAfter(args, page.get(page.size() - 1)));
    FigureKey first = page.get(0);
    sql.append(" AND (").append(keyAfter(args, first)).append(" OR (programme = ? AND indicator = ? AND wijk = ?"
        + " AND period = ?))");
    args.addAll(List.of(first.programme(), first.indicator(), first.wijk(), first.period()));
    sql.append(" ORDER BY " + KEY + ", partner");
    Map<FigureKey, List<StoredObservation>> byKey = new LinkedHashMap<>();
    for (StoredObservation o : jdbc.query(sql.toString(), ObservationStore::map, args.toArray())) {
      byKey.computeIfAbsent(new FigureKey(o.programme(), o.indicator(), o.wijk(), o.period()), k -> new ArrayList<>())
          .add(o);
    }
    return byKey.entrySet().stream().map(e -> new Figure(e.getKey(),
        e.getValue().stream().mapToDouble(StoredObservation::value).sum(),
        (int) e.getValue().stream().filter(StoredObservation::withheld).count(), List.copyOf(e.getValue()))).toList();
  }

  /** (programme, indicator, wijk, period) &gt; the key, spelled out: portable where row comparisons are not. */
  private static String keyAfter(List<Object> args, FigureKey key) {
    args.addAll(List.of(key.programme(), key.programme(), key.indicator(), key.indicator(), key.wijk(), key.wijk(),
        key.period()));
    return "(programme > ? OR (programme = ? AND (indicator > ? OR (indicator = ? AND (wijk > ? OR (wijk = ?"
        + " AND period > ?))))))";
  }

  private static void filter(StringBuilder sql, List<Object> args, ObservationQuery query) {
    filter(sql, args, "programme", query.programme());
    filter(sql, args, "indicator", query.indicator());
    filter(sql, args, "wijk", query.wijk());
    filter(sql, args, "period", query.period());
    filter(sql, args, "partner", query.partner());
  }

  private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private static void bind(PreparedStatement ps, IndicatorObservation o) throws SQLException {
    ps.setString(1, o.getProgramme());
    ps.setString(2, o.getIndicator());
    ps.setString(3, o.getWijk());
    ps.setString(4, o.getPeriod());
    ps.setDouble(5, o.getValue());
    if (o.getNote() == null) {
      ps.setNull(6, Types.VARCHAR);
    } else {
      ps.setString(6, o.getNote());
    }
    ps.setString(7, o.getPartner());
    ps.setString(8, o.getSubmissionId());
    ps.setLong(9, o.getLine());
    ps.setLong(10, o.getRevision());
    ps.setTimestamp(11, Timestamp.from(o.getReceivedAt()));
    ps.setBoolean(12, o.getWithheld());
  }

  private static void bindWithdrawal(PreparedStatement ps, IndicatorObservation w) throws SQLException {
    ps.setString(1, w.getWithdraws());
    ps.setString(2, w.getSubmissionId());
    ps.setTimestamp(3, Timestamp.from(w.getReceivedAt()));
  }

  /** One partner's value of one key: what a withdrawal changes. */
  private record PartnerKey(String programme, String indicator, String wijk, String period, String partner) {

    static PartnerKey of(IndicatorObservation o) {
      return new PartnerKey(o.getProgramme(), o.getIndicator(), o.getWijk(), o.getPeriod(), o.getPartner());
    }

    Object[] args() {
      return new Object[] {programme, indicator, wijk, period, partner};
    }
  }

  private static StoredObservation map(ResultSet rs, int row) throws SQLException {
    return new StoredObservation(rs.getString("programme"), rs.getString("indicator"), rs.getString("wijk"),
        rs.getString("period"), rs.getDouble("observed"), rs.getString("note"), rs.getString("partner"),
        rs.getString("submission_id"), rs.getLong("line"), rs.getLong("revision"),
        rs.getTimestamp("received_at").toInstant(), rs.getBoolean("withheld"));
  }
}
