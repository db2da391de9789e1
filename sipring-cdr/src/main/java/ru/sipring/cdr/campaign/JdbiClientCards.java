package ru.sipring.cdr.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.internal.CampaignJson;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.campaign.cards.CardPage;
import ru.sipring.campaign.cards.CardQuery;
import ru.sipring.campaign.cards.ClientCardStore;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.SipRingException;

/**
 * {@link ClientCardStore} on MariaDB/MySQL and the embedded H2, over the cards of
 * {@code ru.sipring.cdr.campaign.JdbiCampaignStore} (open both on the same data source).
 *
 * <p>A search without field or text filters is a {@code COUNT} and a {@code LIMIT/OFFSET} page in id order, which
 * starts at {@code id > after} when the query pages by key ({@link CardQuery#after()}). Field and text filters look inside the JSON columns: the database narrows the
 * candidates with {@code LIKE} on the JSON text (case ignored) and every candidate is then checked with
 * {@link CardQuery#matches}, so a value that happens to appear in a field name or in another field is not a hit
 * and all stores find the same cards. Thread-safe: every call uses its own pooled connection.
 */
public final class JdbiClientCards implements ClientCardStore {
  private static final ObjectMapper JSON = CampaignJson.mapper();
  private static final int CHUNK = 1000;
  /** Up to this many matching cards, a page is read from the assignment's index and sorted by id. */
  private static final long SORT_LIMIT = 10_000;

  private final Jdbi jdbi;
  /** The name of the card table's primary-key index on H2 (generated there), null on MariaDB. */
  private final @Nullable String h2PrimaryKey;

  private JdbiClientCards(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.h2PrimaryKey = with("reading the card table's indexes", JdbiClientCards::h2PrimaryKey).orElse(null);
  }

  private static java.util.Optional<String> h2PrimaryKey(Handle h) {
    try {
      if (!"H2".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
        return java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw translate("reading the database's name", e);
    }
    String name = h.createQuery("SELECT index_name FROM information_schema.indexes WHERE table_schema = "
        + "CURRENT_SCHEMA AND table_name = 'sipring_campaign_contact' AND index_type_name = 'PRIMARY KEY'")
        .mapTo(String.class).findFirst().orElse("");
    // it goes into the SQL text as a quoted name: only a plain one is taken
    return name.matches("[A-Za-z0-9_]+") ? java.util.Optional.of(name) : java.util.Optional.empty();
  }

  /**
   * Cards in the database behind {@code dataSource}, whose schema is already migrated.
   *
   * @param dataSource the database of the campaign store
   * @return the card store
   */
  public static JdbiClientCards of(DataSource dataSource) {
    return new JdbiClientCards(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
  }

  /**
   * Cards in the database behind {@code dataSource}; runs the schema migrations first (idempotent).
   *
   * @param dataSource the database of the campaign store
   * @return the card store
   */
  public static JdbiClientCards migrateAndOpen(DataSource dataSource) {
    SipRingSchema.migrate(dataSource);
    return new JdbiClientCards(Jdbi.create(dataSource));
  }

  @Override
  public CardPage search(CardQuery q) {
    // the cards of an import that has not finished are skipped, as by every reader of JdbiCampaignStore
    StringBuilder where = new StringBuilder("assignment_id = :a AND " + JdbiCampaignStore.VISIBLE);
    if (!q.statuses().isEmpty()) {
      where.append(" AND status IN (<st>)");
    }
    boolean verify = !q.fields().isEmpty() || !q.text().isEmpty();
    List<String> likes = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, String> e : q.fields().entrySet()) {
      ContactField f = CardQuery.field(e.getKey());
      String p = ":l" + n++;
      if (f == ContactField.PHONE) {
        // the normalised form is checked in Java; the phone as written or any digit run narrows enough
        likes.add(e.getValue());
        where.append(" AND (LOWER(phone) LIKE ").append(p).append(" ESCAPE '!' OR phone_normalized LIKE ")
            .append(":d").append(n - 1).append(" ESCAPE '!')");
      } else {
        likes.add(jsonText(e.getValue()));
        where.append(" AND LOWER(").append(f == null ? "custom_json" : "fields_json").append(") LIKE ").append(p)
            .append(" ESCAPE '!'");
      }
    }
    String textParam = ":l" + n;
    if (!q.text().isEmpty()) {
      where.append(" AND (LOWER(phone) LIKE :t ESCAPE '!' OR phone_normalized LIKE :td ESCAPE '!' OR LOWER(fields_json) LIKE ")
          .append(textParam).append(" ESCAPE '!' OR LOWER(custom_json) LIKE ").append(textParam).append(" ESCAPE '!')");
    }
    long offset = (long) q.page() * q.size();
    return with("searching client cards", h -> {
      if (!verify) {
        long[] countAndFirst = bindAll(h.createQuery("SELECT COUNT(*), MIN(id) FROM sipring_campaign_contact c WHERE "
            + where), q, likes).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        long total = countAndFirst[0];
        // H2 would take the assignment's index (equality on its first column), read every matching card and sort
        // them by id for each page: seconds on a million cards, first page included. A large result is read on the
        // primary key instead, in id order and stopped at LIMIT, from the first matching card (MIN(id), read with
        // the count) or from the keyset's card. A small one keeps the index and its sort.
        boolean seek = h2PrimaryKey != null && total > SORT_LIMIT;
        long start = seek ? Math.max(q.after(), countAndFirst[1] - 1) : q.after();
        // keyset paging (CardQuery.after): the id bound lets both engines start at that card on the primary key
        // instead of reading and dropping every card before it, as a deep OFFSET does
        Query page = bindAll(h.createQuery("SELECT c.* FROM sipring_campaign_contact c"
            + (seek ? " USE INDEX (\"" + h2PrimaryKey + "\")" : "") + " WHERE " + where
            + (start > 0 ? " AND id > :after" : "") + " ORDER BY id LIMIT :lim OFFSET :off"), q, likes);
        if (start > 0) {
          page.bind("after", start);
        }
        List<Contact> items = page.bind("lim", q.size()).bind("off", offset).map((rs, ctx) -> contact(rs)).list();
        return new CardPage(items, total, q.page(), q.size());
      }
      List<Contact> items = new ArrayList<>();
      long total = 0;
      long skipped = 0;
      try (Stream<Contact> rows = bindAll(h.createQuery("SELECT c.* FROM sipring_campaign_contact c WHERE " + where
          + " ORDER BY id"), q, likes).setFetchSize(CHUNK).map((rs, ctx) -> contact(rs)).stream()) {
        Iterator<Contact> it = rows.iterator();
        while (it.hasNext()) {
          Contact c = it.next();
          if (q.matches(c)) {
            if (c.id() > q.after() && items.size() < q.size() && skipped++ >= offset) {
              items.add(c);
            }
            total++;
          }
        }
      }
      return new CardPage(items, total, q.page(), q.size());
    });
  }

  private static Query bindAll(Query query, CardQuery q, List<String> likes) {
    query.bind("a", q.assignmentId());
    if (!q.statuses().isEmpty()) {
      query.bindList("st", q.statuses().stream().map(Enum::name).toList());
    }
    for (int i = 0; i < likes.size(); i++) {
      query.bind("l" + i, like(likes.get(i)));
      String digits = ru.sipring.core.text.PhoneNumber.normalize(likes.get(i));
      // an empty digit pattern must match nothing: the phone as written is the other way in
      query.bind("d" + i, digits.isEmpty() ? "" : like(digits));
    }
    if (!q.text().isEmpty()) {
      String digits = ru.sipring.core.text.PhoneNumber.normalize(q.text());
      query.bind("t", like(q.text())).bind("td", digits.isEmpty() ? "" : like(digits))
          .bind("l" + likes.size(), like(jsonText(q.text())));
    }
    return query;
  }

  /** The text as it stands inside a JSON string (quotes, backslashes and control characters escaped). */
  private static String jsonText(String s) {
    try {
      String quoted = JSON.writeValueAsString(s);
      return quoted.substring(1, quoted.length() - 1);
    } catch (JsonProcessingException e) {
      throw new SipRingException("cannot write JSON", e);
    }
  }

  /** {@code %text%} in lower case with the LIKE wildcards and the escape character escaped by {@code !}. */
  private static String like(String s) {
    StringBuilder b = new StringBuilder("%");
    for (char c : CardQuery.lower(s).toCharArray()) {
      if (c == '%' || c == '_' || c == '!') {
        b.append('!');
      }
      b.append(c);
    }
    return b.append('%').toString();
  }

  @Override
  public int setStatus(Collection<Long> contactIds, ContactStatus status) {
    Objects.requireNonNull(status, "status");
    List<Long> ids = List.copyOf(new LinkedHashSet<>(contactIds));
    if (ids.size() > MAX_BULK) {
      throw new BadInputException("contactIds", "at most " + MAX_BULK + " cards at once, got " + ids.size());
    }
    if (ids.isEmpty()) {
      return 0;
    }
    return tx("changing the status of client cards", h -> {
      LinkedHashSet<Long> found = new LinkedHashSet<>();
      LinkedHashSet<Long> visible = new LinkedHashSet<>();
      for (int i = 0; i < ids.size(); i += CHUNK) {
        // a card of an unfinished import does not exist for the caller; asked apart from the locking read below,
        // which would otherwise lock the import's row too and wait for its chunk on MariaDB
        visible.addAll(h.createQuery("SELECT c.id FROM sipring_campaign_contact c WHERE c.id IN (<ids>) AND "
            + JdbiCampaignStore.VISIBLE).bindList("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
            .mapTo(Long.class).list());
      }
      for (int i = 0; i < ids.size(); i += CHUNK) {
        List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
        // FOR UPDATE: a card deleted meanwhile cannot slip between the check and the update
        found.addAll(h.createQuery("SELECT id FROM sipring_campaign_contact WHERE id IN (<ids>) FOR UPDATE")
            .bindList("ids", chunk).mapTo(Long.class).list());
      }
      for (long id : ids) {
        if (!found.contains(id) || !visible.contains(id)) {
          throw new NotFoundException("no client card with id " + id);
        }
      }
      int changed = 0;
      for (int i = 0; i < ids.size(); i += CHUNK) {
        changed += h.createUpdate("UPDATE sipring_campaign_contact SET status = :s WHERE id IN (<ids>)")
            .bind("s", status.name()).bindList("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).execute();
      }
      return ids.size();
    });
  }

  @Override
  public void delete(long contactId) {
    int rows = with("deleting a client card", h -> h.createUpdate("DELETE FROM sipring_campaign_contact WHERE id = :id")
        .bind("id", contactId).execute());
    if (rows == 0) {
      throw new NotFoundException("no client card with id " + contactId);
    }
  }

  // ---- plumbing: the card row is read and failures are translated as JdbiCampaignStore does ------------

  private static Contact contact(ResultSet rs) throws SQLException {
    return JdbiCampaignStore.contact(rs);
  }

  private <T> T with(String what, Function<Handle, T> work) {
    try {
      return jdbi.withHandle(work::apply);
    } catch (JdbiException e) {
      throw translate(what, e);
    }
  }

  private <T> T tx(String what, Function<Handle, T> work) {
    try {
      return jdbi.inTransaction(work::apply);
    } catch (JdbiException e) {
      throw translate(what, e);
    }
  }

  private static SipRingException translate(String what, Throwable e) {
    return JdbiCampaignStore.translate(what, e);
  }
}
