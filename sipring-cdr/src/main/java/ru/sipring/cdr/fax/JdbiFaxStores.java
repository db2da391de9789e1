package ru.sipring.cdr.fax;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import ru.sipring.cdr.DbFailures;
import ru.sipring.core.SipRingException;
import ru.sipring.fax.DistributionList;
import ru.sipring.fax.FaxContact;
import ru.sipring.fax.FaxContactStore;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxLineStore;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.FaxUserStore;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.ReceivedFaxStore;

/**
 * The sipring-fax persistence SPIs on MariaDB/MySQL (tables {@code sipring_fax_*}, migration
 * {@code V300__fax.sql}; run {@link ru.sipring.cdr.SipRingSchema#migrate} first). Instants are stored as UTC
 * {@code DATETIME(6)}. Each save is one transaction. Thread-safe: every call borrows a pooled connection.
 */
public final class JdbiFaxStores {
  private final Jdbi jdbi;

  private JdbiFaxStores(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores on {@code dataSource} (schema migrated by {@link ru.sipring.cdr.SipRingSchema#migrate}).
   *
   * @param dataSource the database
   * @return the stores
   */
  public static JdbiFaxStores of(DataSource dataSource) {
    return new JdbiFaxStores(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")));
  }

  /**
   * The fax users and their rights.
   *
   * @return the store
   */
  public FaxUserStore users() {
    return new Users();
  }

  /**
   * The fax lines (modems) and who may use them.
   *
   * @return the store
   */
  public FaxLineStore lines() {
    return new Lines();
  }

  /**
   * The received faxes.
   *
   * @return the store
   */
  public ReceivedFaxStore received() {
    return new Received();
  }

  /**
   * The fax address book.
   *
   * @return the store
   */
  public FaxContactStore contacts() {
    return new Contacts();
  }

  private <T> T tx(String what, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (SipRingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DbFailures.translate(what, e);
    }
  }

  private static LocalDateTime utc(Instant i) {
    return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private final class Users implements FaxUserStore {
    @Override
    public void save(FaxUser u) {
      tx("saving fax user " + u.login(), h -> {
        h.createUpdate("INSERT INTO sipring_fax_user (login, full_name, email, is_admin, privileged, can_delete, any_modem)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE full_name = VALUES(full_name),"
                + " email = VALUES(email), is_admin = VALUES(is_admin), privileged = VALUES(privileged),"
                + " can_delete = VALUES(can_delete), any_modem = VALUES(any_modem)")
            .bind(0, u.login()).bind(1, u.name()).bind(2, u.email()).bind(3, u.admin()).bind(4, u.privileged())
            .bind(5, u.canDelete()).bind(6, u.anyModem()).execute();
        h.createUpdate("DELETE FROM sipring_fax_user_modem WHERE login = ?").bind(0, u.login()).execute();
        h.createUpdate("DELETE FROM sipring_fax_user_category WHERE login = ?").bind(0, u.login()).execute();
        for (String m : u.modems()) {
          h.createUpdate("INSERT INTO sipring_fax_user_modem (login, device) VALUES (?, ?)").bind(0, u.login()).bind(1, m).execute();
        }
        for (String c : u.categories()) {
          h.createUpdate("INSERT INTO sipring_fax_user_category (login, category) VALUES (?, ?)").bind(0, u.login()).bind(1, c).execute();
        }
        return null;
      });
    }

    @Override
    public Optional<FaxUser> find(String login) {
      return load("WHERE login = ?", login).stream().findFirst();
    }

    @Override
    public List<FaxUser> list() {
      return load("", null);
    }

    private List<FaxUser> load(String where, @Nullable String login) {
      return tx("reading fax users", h -> {
        var q = h.createQuery("SELECT login, full_name, email, is_admin, privileged, can_delete, any_modem"
            + " FROM sipring_fax_user " + where + " ORDER BY login");
        if (login != null) {
          q.bind(0, login);
        }
        List<Map<String, Object>> rows = q.mapToMap().list();
        Map<String, Set<String>> modems = pairs(h, "SELECT login, device FROM sipring_fax_user_modem");
        Map<String, Set<String>> categories = pairs(h, "SELECT login, category FROM sipring_fax_user_category");
        List<FaxUser> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
          String l = text(r, "login");
          out.add(new FaxUser(l, text(r, "full_name"), text(r, "email"), bool(r.get("is_admin")),
              bool(r.get("privileged")), bool(r.get("can_delete")), bool(r.get("any_modem")),
              modems.getOrDefault(l, Set.of()), categories.getOrDefault(l, Set.of())));
        }
        return out;
      });
    }

    @Override
    public boolean delete(String login) {
      return tx("deleting fax user " + login,
          h -> h.createUpdate("DELETE FROM sipring_fax_user WHERE login = ?").bind(0, login).execute() > 0);
    }
  }

  private static Map<String, Set<String>> pairs(Handle h, String sql) {
    Map<String, Set<String>> m = new HashMap<>();
    h.createQuery(sql).map((rs, ctx) -> {
      m.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
      return null;
    }).list();
    return m;
  }

  /** A NOT NULL text column of a row read with {@code mapToMap}. */
  private static String text(Map<String, Object> row, String column) {
    Object v = row.get(column);
    if (v == null) {
      throw new SipRingException("column " + column + " of sipring_fax_user is NULL; the schema forbids it");
    }
    return v.toString();
  }

  private static boolean bool(@Nullable Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    return o instanceof Number n && n.intValue() != 0;
  }

  private final class Lines implements FaxLineStore {
    @Override
    public void save(FaxLine l) {
      tx("saving fax line " + l.device(), h -> h.createUpdate(
              "INSERT INTO sipring_fax_line (device, name, default_category) VALUES (?, ?, ?)"
                  + " ON DUPLICATE KEY UPDATE name = VALUES(name), default_category = VALUES(default_category)")
          .bind(0, l.device()).bind(1, l.name()).bind(2, l.defaultCategory()).execute());
    }

    @Override
    public Optional<FaxLine> find(String device) {
      return tx("reading fax line " + device, h -> h.createQuery(
              "SELECT device, name, default_category FROM sipring_fax_line WHERE device = ?")
          .bind(0, device).map((rs, ctx) -> new FaxLine(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
    }

    @Override
    public List<FaxLine> list() {
      return tx("reading fax lines", h -> h.createQuery(
              "SELECT device, name, default_category FROM sipring_fax_line ORDER BY device")
          .map((rs, ctx) -> new FaxLine(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    @Override
    public void addCategory(String category) {
      tx("adding fax category " + category, h -> h.createUpdate("INSERT IGNORE INTO sipring_fax_category (name) VALUES (?)")
          .bind(0, category).execute());
    }

    @Override
    public List<String> categories() {
      return tx("reading fax categories", h -> h.createQuery("SELECT name FROM sipring_fax_category ORDER BY name")
          .mapTo(String.class).list());
    }
  }

  private final class Received implements ReceivedFaxStore {
    private static final String COLUMNS = "file, sender, cid_number, cid_name, received_utc, pages, device, line_name,"
        + " category, folder, comm_id";

    @Override
    public void save(InboxFax f) {
      tx("saving received fax " + f.file(), h -> h.createUpdate("REPLACE INTO sipring_fax_received (" + COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(0, f.file()).bind(1, f.sender()).bind(2, f.cidNumber()).bind(3, f.cidName())
          .bind(4, utc(f.receivedAt())).bind(5, f.pages()).bind(6, f.device()).bind(7, f.lineName())
          .bind(8, f.category()).bind(9, f.folder().name()).bind(10, f.commId()).execute());
    }

    @Override
    public Optional<InboxFax> find(String file) {
      return tx("reading received fax " + file, h -> h.createQuery("SELECT " + COLUMNS
              + " FROM sipring_fax_received WHERE file = ?").bind(0, file).map(Received::row).findOne());
    }

    @Override
    public List<InboxFax> list() {
      return tx("reading received faxes", h -> h.createQuery("SELECT " + COLUMNS
              + " FROM sipring_fax_received ORDER BY received_utc DESC, file").map(Received::row).list());
    }

    @Override
    public boolean delete(String file) {
      return tx("deleting received fax " + file,
          h -> h.createUpdate("DELETE FROM sipring_fax_received WHERE file = ?").bind(0, file).execute() > 0);
    }

    private static InboxFax row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
        throws SQLException {
      return new InboxFax(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt(6), rs.getString(7),
          rs.getString(8), rs.getString(9), InboxFax.Folder.valueOf(rs.getString(10)), rs.getString(11));
    }
  }

  private final class Contacts implements FaxContactStore {
    @Override
    public void save(FaxContact c) {
      tx("saving fax contact " + c.name(), h -> h.createUpdate(
              "REPLACE INTO sipring_fax_contact (name, company, number, email) VALUES (?, ?, ?, ?)")
          .bind(0, c.name()).bind(1, c.company()).bind(2, c.number()).bind(3, c.email()).execute());
    }

    @Override
    public List<FaxContact> contacts() {
      return tx("reading fax contacts", h -> h.createQuery(
              "SELECT name, company, number, email FROM sipring_fax_contact ORDER BY name")
          .map((rs, ctx) -> new FaxContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
    }

    @Override
    public boolean deleteContact(String name) {
      return tx("deleting fax contact " + name,
          h -> h.createUpdate("DELETE FROM sipring_fax_contact WHERE name = ?").bind(0, name).execute() > 0);
    }

    @Override
    public void save(DistributionList list) {
      tx("saving distribution list " + list.name(), h -> {
        h.createUpdate("INSERT IGNORE INTO sipring_fax_list (name) VALUES (?)").bind(0, list.name()).execute();
        h.createUpdate("DELETE FROM sipring_fax_list_number WHERE list_name = ?").bind(0, list.name()).execute();
        int i = 0;
        for (String n : list.numbers()) {
          h.createUpdate("INSERT INTO sipring_fax_list_number (list_name, position, number) VALUES (?, ?, ?)")
              .bind(0, list.name()).bind(1, i++).bind(2, n).execute();
        }
        return null;
      });
    }

    @Override
    public Optional<DistributionList> list(String name) {
      return lists("WHERE l.name = ?", name).stream().findFirst();
    }

    @Override
    public List<DistributionList> lists() {
      return lists("", null);
    }

    private List<DistributionList> lists(String where, @Nullable String name) {
      return tx("reading distribution lists", h -> {
        var q = h.createQuery("SELECT l.name, n.number FROM sipring_fax_list l"
            + " LEFT JOIN sipring_fax_list_number n ON n.list_name = l.name " + where + " ORDER BY l.name, n.position");
        if (name != null) {
          q.bind(0, name);
        }
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        q.map((rs, ctx) -> {
          List<String> numbers = byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          if (rs.getString(2) != null) {
            numbers.add(rs.getString(2));
          }
          return null;
        }).list();
        List<DistributionList> out = new ArrayList<>();
        byName.forEach((n, numbers) -> out.add(new DistributionList(n, numbers)));
        return out;
      });
    }

    @Override
    public boolean deleteList(String name) {
      return tx("deleting distribution list " + name,
          h -> h.createUpdate("DELETE FROM sipring_fax_list WHERE name = ?").bind(0, name).execute() > 0);
    }
  }
}
