package ru.sipring.cdr.survey;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import ru.sipring.core.RejectedException;
import ru.sipring.survey.PublishedScenario;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.ScenarioRepository;

/**
 * {@link ScenarioRepository} on MariaDB/MySQL ({@code sipring_survey_draft}, {@code sipring_survey_version};
 * created by {@code SipRingSchema.migrate}). Each scenario is stored as its documented JSON, so what is read
 * back equals what was stored. Thread-safe: each call borrows a pooled connection.
 */
public final class JdbiScenarioRepository implements ScenarioRepository {
  private final Jdbi jdbi;
  private final Clock clock;

  private JdbiScenarioRepository(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * A repository on a migrated schema ({@link ru.sipring.cdr.SipRingSchema#migrate}).
   *
   * @param dataSource the database
   * @param clock stamps draft updates
   * @return the repository
   */
  public static JdbiScenarioRepository of(DataSource dataSource, Clock clock) {
    return new JdbiScenarioRepository(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")),
        Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public void saveDraft(Scenario draft) {
    LocalDateTime now = SurveyDb.utc(clock.instant());
    SurveyDb.write(jdbi, "saving the draft of scenario " + draft.id(), h -> h.createUpdate(
            "INSERT INTO sipring_survey_draft (scenario_id, title, body_json, updated_utc) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE title = VALUES(title), body_json = VALUES(body_json), "
                + "updated_utc = VALUES(updated_utc)")
        .bind(0, draft.id()).bind(1, draft.title()).bind(2, ScenarioJson.write(draft)).bind(3, now).execute());
  }

  @Override
  public Optional<Scenario> draft(String scenarioId) {
    return SurveyDb.call(jdbi, "reading the draft of scenario " + scenarioId, h -> h.createQuery(
            "SELECT body_json FROM sipring_survey_draft WHERE scenario_id = ?")
        .bind(0, scenarioId).mapTo(String.class).findOne()
        .map(json -> ScenarioJson.read(stream(json), "sipring_survey_draft:" + scenarioId)));
  }

  @Override
  public void addVersion(PublishedScenario p) {
    try {
      SurveyDb.write(jdbi, "publishing scenario " + p.scenarioId() + " version " + p.version(), h -> h.createUpdate(
              "INSERT INTO sipring_survey_version (scenario_id, version, title, body_json, published_utc) "
                  + "VALUES (?, ?, ?, ?, ?)")
          .bind(0, p.scenarioId()).bind(1, p.version()).bind(2, p.scenario().title())
          .bind(3, ScenarioJson.write(p.scenario())).bind(4, SurveyDb.utc(p.publishedAt())).execute());
    } catch (RejectedException e) {
      throw new RejectedException("scenario " + p.scenarioId() + " version " + p.version()
          + " is already published", e);
    }
  }

  @Override
  public Optional<PublishedScenario> version(String scenarioId, int version) {
    return SurveyDb.call(jdbi, "reading scenario " + scenarioId + " version " + version, h -> h.createQuery(
            "SELECT version, body_json, published_utc FROM sipring_survey_version WHERE scenario_id = ? "
                + "AND version = ?")
        .bind(0, scenarioId).bind(1, version)
        .map((rs, ctx) -> published(scenarioId, rs.getInt(1), rs.getString(2),
            rs.getObject(3, LocalDateTime.class)))
        .findOne());
  }

  @Override
  public Optional<PublishedScenario> latest(String scenarioId) {
    return SurveyDb.call(jdbi, "reading the latest version of scenario " + scenarioId, h -> h.createQuery(
            "SELECT version, body_json, published_utc FROM sipring_survey_version WHERE scenario_id = ? "
                + "ORDER BY version DESC LIMIT 1")
        .bind(0, scenarioId)
        .map((rs, ctx) -> published(scenarioId, rs.getInt(1), rs.getString(2),
            rs.getObject(3, LocalDateTime.class)))
        .findOne());
  }

  @Override
  public List<Integer> versions(String scenarioId) {
    return SurveyDb.call(jdbi, "listing versions of scenario " + scenarioId, h -> h.createQuery(
            "SELECT version FROM sipring_survey_version WHERE scenario_id = ? ORDER BY version")
        .bind(0, scenarioId).mapTo(Integer.class).list());
  }

  @Override
  public List<String> scenarioIds() {
    return SurveyDb.call(jdbi, "listing scenarios", h -> h.createQuery(
            "SELECT scenario_id FROM sipring_survey_draft UNION SELECT scenario_id FROM sipring_survey_version "
                + "")
        .mapTo(String.class).list().stream().sorted().toList());
  }

  @Override
  public boolean delete(String scenarioId) {
    return SurveyDb.write(jdbi, "deleting scenario " + scenarioId, h ->
        h.createUpdate("DELETE FROM sipring_survey_draft WHERE scenario_id = ?").bind(0, scenarioId).execute()
            + h.createUpdate("DELETE FROM sipring_survey_version WHERE scenario_id = ?").bind(0, scenarioId)
            .execute() > 0);
  }

  private static PublishedScenario published(String id, int version, String json, LocalDateTime at) {
    return new PublishedScenario(ScenarioJson.read(stream(json), "sipring_survey_version:" + id + ":" + version),
        version, SurveyDb.instant(at));
  }

  private static java.io.InputStream stream(String json) {
    return new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
