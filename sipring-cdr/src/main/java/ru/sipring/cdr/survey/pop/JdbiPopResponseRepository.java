package ru.sipring.cdr.survey.pop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.cdr.DbFailures;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.survey.pop.PopResponse;
import ru.sipring.survey.pop.PopResponseRepository;

/**
 * {@link PopResponseRepository} on MariaDB/MySQL and the embedded H2, table {@code sipring_survey_pop}. A second link
 * for the same response is refused by the primary key ({@link ru.sipring.core.RejectedException}). Thread-safe:
 * every call uses its own pooled connection.
 */
public final class JdbiPopResponseRepository implements PopResponseRepository {
  private static final String ORDER = " ORDER BY finished_at, response_id";
  private final Jdbi jdbi;

  private JdbiPopResponseRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The repository over {@code dataSource}; runs the schema migrations first (idempotent).
   *
   * @param dataSource the database
   * @return the repository
   */
  public static JdbiPopResponseRepository migrateAndOpen(DataSource dataSource) {
    SipRingSchema.migrate(dataSource);
    return new JdbiPopResponseRepository(Jdbi.create(dataSource));
  }

  /**
   * The repository over {@code dataSource} whose schema is already migrated (by {@link SipRingSchema#migrate} or a
   * DBA): a host such as the Spring starter migrates once at start-up, or not at all, and opens every store after.
   *
   * @param dataSource the database
   * @return the repository
   */
  public static JdbiPopResponseRepository of(DataSource dataSource) {
    return new JdbiPopResponseRepository(Jdbi.create(dataSource));
  }

  @Override
  public void save(PopResponse l) {
    with("storing a screen-pop survey link", h -> h.createUpdate("INSERT INTO sipring_survey_pop (response_id, "
        + "call_id, queue, operator, client_card_id, caller_number, finished_at) VALUES (:r, :c, :q, :o, :k, :n, :f)")
        .bind("r", l.responseId()).bind("c", l.callId()).bind("q", l.queue()).bind("o", l.operator())
        .bind("k", l.clientCardId()).bind("n", l.callerNumber()).bind("f", l.finishedAt().toEpochMilli()).execute());
  }

  @Override
  public List<PopResponse> forCall(String callId) {
    return with("reading screen-pop survey links", h -> h.createQuery("SELECT * FROM sipring_survey_pop WHERE "
        + "call_id = :c" + ORDER).bind("c", callId).map((rs, ctx) -> link(rs)).list());
  }

  @Override
  public List<PopResponse> forClientCard(String clientCardId) {
    if (clientCardId.isEmpty()) {
      return List.of();
    }
    return with("reading screen-pop survey links", h -> h.createQuery("SELECT * FROM sipring_survey_pop WHERE "
        + "client_card_id = :k" + ORDER).bind("k", clientCardId).map((rs, ctx) -> link(rs)).list());
  }

  @Override
  public List<PopResponse> forOperator(String operator, Instant from, Instant to) {
    return with("reading screen-pop survey links", h -> h.createQuery("SELECT * FROM sipring_survey_pop WHERE "
        + "operator = :o AND finished_at >= :f AND finished_at < :t" + ORDER).bind("o", operator)
        .bind("f", from.toEpochMilli()).bind("t", to.toEpochMilli()).map((rs, ctx) -> link(rs)).list());
  }

  private static PopResponse link(ResultSet rs) throws SQLException {
    return new PopResponse(rs.getString("response_id"), rs.getString("call_id"), rs.getString("queue"),
        rs.getString("operator"), rs.getString("client_card_id"), rs.getString("caller_number"),
        Instant.ofEpochMilli(rs.getLong("finished_at")));
  }

  private <T> T with(String what, Function<Handle, T> work) {
    try {
      return jdbi.withHandle(work::apply);
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e);
    }
  }
}
