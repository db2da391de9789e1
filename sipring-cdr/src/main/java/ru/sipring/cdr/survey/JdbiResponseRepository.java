package ru.sipring.cdr.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import ru.sipring.cdr.DbFailures;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;
import ru.sipring.survey.Answer;
import ru.sipring.survey.CallContext;
import ru.sipring.survey.QuestionType;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.ResponseRepository;
import ru.sipring.survey.SurveyResponse;

/**
 * {@link ResponseRepository} on MariaDB/MySQL ({@code sipring_survey_response}, {@code sipring_survey_answer},
 * {@code sipring_survey_answer_option}). A response is written in one transaction. {@link #find(ResponseFilter)}
 * filters in SQL and streams: one joined query read with a fetch size, folded into responses as the rows come,
 * so a million responses never sit in memory at once; close the stream to return the connection.
 * Timestamps are kept to the microsecond. Thread-safe: each call borrows a pooled connection.
 */
public final class JdbiResponseRepository implements ResponseRepository {
  private static final int FETCH_SIZE = 1000;
  private static final String SELECT = "SELECT r.id, r.scenario_id, r.version, r.scenario_title, r.call_id, r.queue,"
      + " r.operator, r.client, r.is_test, r.started_utc, r.finished_utc, r.completed,"
      + " a.seq, a.question_id, a.question_type, a.question_text, a.answer_text, o.option_id, o.option_label"
      + " FROM sipring_survey_response r"
      + " LEFT JOIN sipring_survey_answer a ON a.response_id = r.id"
      + " LEFT JOIN sipring_survey_answer_option o ON o.response_id = a.response_id AND o.seq = a.seq";
  private static final String ORDER = " ORDER BY r.started_utc, r.id, a.seq, o.pos";
  private final Jdbi jdbi;

  private JdbiResponseRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A repository on a migrated schema ({@link ru.sipring.cdr.SipRingSchema#migrate}).
   *
   * @param dataSource the database
   * @return the repository
   */
  public static JdbiResponseRepository of(DataSource dataSource) {
    return new JdbiResponseRepository(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
  }

  @Override
  public void save(SurveyResponse r) {
    try {
      SurveyDb.run(jdbi, "storing survey response " + r.id(), h -> {
        h.createUpdate("INSERT INTO sipring_survey_response (id, scenario_id, version, scenario_title, call_id,"
                + " queue, operator, client, is_test, started_utc, finished_utc, completed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(0, r.id()).bind(1, r.scenarioId()).bind(2, r.version()).bind(3, r.scenarioTitle())
            .bind(4, r.call().callId()).bind(5, r.call().queue()).bind(6, r.call().operator())
            .bind(7, r.call().client()).bind(8, r.test()).bind(9, SurveyDb.utc(r.startedAt()))
            .bind(10, SurveyDb.utc(r.finishedAt())).bind(11, r.completed()).execute();
        var answers = h.prepareBatch("INSERT INTO sipring_survey_answer (response_id, seq, question_id,"
            + " question_type, question_text, answer_text) VALUES (?, ?, ?, ?, ?, ?)");
        var options = h.prepareBatch("INSERT INTO sipring_survey_answer_option (response_id, seq, pos, option_id,"
            + " option_label) VALUES (?, ?, ?, ?, ?)");
        boolean anyOption = false;
        for (int seq = 0; seq < r.answers().size(); seq++) {
          Answer a = r.answers().get(seq);
          answers.bind(0, r.id()).bind(1, seq).bind(2, a.questionId()).bind(3, a.type().jsonName())
              .bind(4, a.questionText()).bind(5, a.text()).add();
          for (int pos = 0; pos < a.optionIds().size(); pos++) {
            options.bind(0, r.id()).bind(1, seq).bind(2, pos).bind(3, a.optionIds().get(pos))
                .bind(4, a.optionLabels().get(pos)).add();
            anyOption = true;
          }
        }
        if (!r.answers().isEmpty()) {
          answers.execute();
        }
        if (anyOption) {
          options.execute();
        }
      });
    } catch (RejectedException e) {
      throw new RejectedException("response " + r.id() + " is already stored", e);
    }
  }

  @Override
  public Optional<SurveyResponse> find(String responseId) {
    return SurveyDb.call(jdbi, "reading survey response " + responseId, h -> {
      try (Stream<SurveyResponse> s = fold(h.createQuery(SELECT + " WHERE r.id = ?" + ORDER).bind(0, responseId),
          null)) {
        return s.findFirst();
      }
    });
  }

  @Override
  public List<SurveyResponse> forCall(String callId) {
    return SurveyDb.call(jdbi, "reading survey responses of call " + callId, h -> {
      try (Stream<SurveyResponse> s = fold(h.createQuery(SELECT + " WHERE r.call_id = ?" + ORDER).bind(0, callId),
          null)) {
        return s.toList();
      }
    });
  }

  @Override
  public Stream<SurveyResponse> find(ResponseFilter f) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (!f.includeTests()) {
      where.add("r.is_test = 0");
    }
    if (f.scenarioId() != null) {
      where.add("r.scenario_id = ?");
      args.add(f.scenarioId());
    }
    if (f.from() != null) {
      where.add("r.started_utc >= ?");
      args.add(SurveyDb.utc(f.from()));
    }
    if (f.to() != null) {
      where.add("r.started_utc < ?");
      args.add(SurveyDb.utc(f.to()));
    }
    in("r.queue", f.queues(), where, args);
    in("r.operator", f.operators(), where, args);
    in("r.version", f.versions(), where, args);
    String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + ORDER;
    Handle h;
    try {
      h = jdbi.open();
    } catch (RuntimeException e) {
      throw DbFailures.translate("reading survey responses", e);
    }
    try {
      Query q = h.createQuery(sql);
      for (int i = 0; i < args.size(); i++) {
        q.bind(i, args.get(i));
      }
      q.setFetchSize(FETCH_SIZE);
      return fold(q, h);
    } catch (RuntimeException e) {
      h.close();
      throw DbFailures.translate("reading survey responses", e);
    }
  }

  private static void in(String column, java.util.Set<?> values, List<String> where, List<Object> args) {
    if (!values.isEmpty()) {
      where.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
      args.addAll(values);
    }
  }

  /** Row of the joined query. */
  private record Row(String id, String scenarioId, int version, String title, String callId, String queue,
                     String operator, String client, boolean test, LocalDateTime started, LocalDateTime finished,
                     boolean completed, @Nullable Integer seq, @Nullable String questionId,
                     @Nullable String questionType, @Nullable String questionText, @Nullable String answerText,
                     @Nullable String optionId, @Nullable String optionLabel) {
    static Row of(ResultSet rs) throws SQLException {
      int seq = rs.getInt(13);
      Integer s = rs.wasNull() ? null : seq;
      return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
          rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getObject(10, LocalDateTime.class),
          rs.getObject(11, LocalDateTime.class), rs.getBoolean(12), s, rs.getString(14), rs.getString(15),
          rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19));
    }
  }

  /** Folds the ordered rows into responses; {@code owned} (may be null) is closed with the stream. */
  private static Stream<SurveyResponse> fold(Query query, @Nullable Handle owned) {
    ResultIterator<Row> rows = query.map((rs, ctx) -> Row.of(rs)).iterator();
    Iterator<SurveyResponse> responses = new Iterator<>() {
      private @Nullable Row pending = nextRow(rows);

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public SurveyResponse next() {
        Row first = pending;
        if (first == null) {
          throw new NoSuchElementException();
        }
        List<Answer> answers = new ArrayList<>();
        Row r = first;
        while (r != null && r.id().equals(first.id())) {
          if (r.seq() == null) {
            r = nextRow(rows);
            continue;
          }
          int seq = r.seq();
          List<String> ids = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          Row head = r;
          while (r != null && r.id().equals(first.id()) && r.seq() != null && r.seq() == seq) {
            if (r.optionId() != null) {
              ids.add(r.optionId());
              labels.add(r.optionLabel());
            }
            r = nextRow(rows);
          }
          QuestionType type = QuestionType.fromJsonName(Objects.requireNonNull(head.questionType()))
              .orElseThrow(() -> new SipRingException("unknown question type " + head.questionType()
                  + " in sipring_survey_answer of response " + first.id()));
          answers.add(new Answer(Objects.requireNonNull(head.questionId()), type,
              Objects.requireNonNull(head.questionText()), ids, labels, head.answerText()));
        }
        pending = r;
        return new SurveyResponse(first.id(), first.scenarioId(), first.version(), first.title(),
            CallContext.of(first.callId(), first.queue(), first.operator(), first.client()), first.test(),
            SurveyDb.instant(first.started()), SurveyDb.instant(first.finished()), first.completed(), answers);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(responses, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(() -> {
          rows.close();
          if (owned != null) {
            owned.close();
          }
        });
  }

  private static @Nullable Row nextRow(ResultIterator<Row> rows) {
    try {
      return rows.hasNext() ? rows.next() : null;
    } catch (RuntimeException e) {
      throw DbFailures.translate("reading survey responses", e);
    }
  }
}
