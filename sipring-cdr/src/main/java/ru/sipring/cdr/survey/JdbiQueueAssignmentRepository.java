package ru.sipring.cdr.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.survey.QueueAssignmentRepository;

/**
 * {@link QueueAssignmentRepository} on MariaDB/MySQL ({@code sipring_survey_queue}). Thread-safe: each call
 * borrows a pooled connection.
 */
public final class JdbiQueueAssignmentRepository implements QueueAssignmentRepository {
  private final Jdbi jdbi;

  private JdbiQueueAssignmentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A repository on a migrated schema ({@link ru.sipring.cdr.SipRingSchema#migrate}).
   *
   * @param dataSource the database
   * @return the repository
   */
  public static JdbiQueueAssignmentRepository of(DataSource dataSource) {
    return new JdbiQueueAssignmentRepository(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
  }

  @Override
  public void assign(String queue, String scenarioId) {
    SurveyDb.write(jdbi, "assigning scenario " + scenarioId + " to queue " + queue, h -> h.createUpdate(
            "INSERT INTO sipring_survey_queue (queue, scenario_id) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE scenario_id = VALUES(scenario_id)")
        .bind(0, queue).bind(1, scenarioId).execute());
  }

  @Override
  public boolean unassign(String queue) {
    return SurveyDb.write(jdbi, "unassigning queue " + queue, h -> h.createUpdate(
        "DELETE FROM sipring_survey_queue WHERE queue = ?").bind(0, queue).execute() > 0);
  }

  @Override
  public Optional<String> scenarioFor(String queue) {
    return SurveyDb.call(jdbi, "reading the scenario of queue " + queue, h -> h.createQuery(
        "SELECT scenario_id FROM sipring_survey_queue WHERE queue = ?").bind(0, queue).mapTo(String.class)
        .findOne());
  }

  @Override
  public Map<String, String> assignments() {
    return SurveyDb.call(jdbi, "listing queue assignments", h -> {
      Map<String, String> out = new LinkedHashMap<>();
      // sorted in Java: the contract's order is String order, not the column collation's
      h.createQuery("SELECT queue, scenario_id FROM sipring_survey_queue")
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
          .sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
      return java.util.Collections.unmodifiableMap(out);
    });
  }
}
