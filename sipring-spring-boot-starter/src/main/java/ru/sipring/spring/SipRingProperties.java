package ru.sipring.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything SipRing reads from {@code sipring.*}. Immutable and thread-safe.
 *
 * @param zone time zone of report windows and of every time shown; default: the system zone
 * @param queueLog where the inbound reports read the queue_log
 * @param report options of the inbound report
 * @param database SipRing's own database pool, used when the host defines no DataSource
 * @param ami the Asterisk Manager Interface connection; the gateway starts only when {@code sipring.ami.host} is set
 * @param fax the HylaFAX server; the client is configured only when {@code sipring.fax.host} is set
 * @param ha the pacemaker cluster view; watched only when {@code sipring.ha.enabled} is true
 * @param survey where the surveys (scenarios, queue bindings, responses, screen-pop links) are kept
 */
@ConfigurationProperties("sipring")
public record SipRingProperties(@Nullable ZoneId zone, @DefaultValue QueueLog queueLog, @DefaultValue Report report,
    @DefaultValue Database database, @DefaultValue Ami ami, @DefaultValue Fax fax, @DefaultValue Ha ha,
    @DefaultValue Survey survey) {

  /**
   * The report zone: {@link #zone} or the system zone.
   *
   * @return the report zone
   */
  public ZoneId zoneOrDefault() {
    return zone != null ? zone : ZoneId.systemDefault();
  }

  /** Where the queue_log comes from. */
  public enum QueueLogSourceKind {
    /** files when {@code paths} are given, else the table when there is a DataSource, else none */
    AUTO,
    /** the files and directories of {@code paths} (rotated and gzipped files too) */
    FILES,
    /** the realtime queue_log table of the DataSource */
    DATABASE
  }

  /**
   * Where the inbound reports read the queue_log.
   *
   * @param source files, database or auto (files when paths are given, else the database table)
   * @param paths queue_log files or directories (rotated and .gz files too)
   * @param table the realtime queue_log table (FreePBX 16/17: queuelog)
   */
  public record QueueLog(@DefaultValue("auto") QueueLogSourceKind source, @DefaultValue List<Path> paths,
      @DefaultValue("queue_log") String table) {
    /**
     * Checks the components; collections are kept as unmodifiable copies.
     *
     * @param source files, database or auto (files when paths are given, else the database table)
     * @param paths queue_log files or directories (rotated and .gz files too)
     * @param table the realtime queue_log table (FreePBX 16/17: queuelog)
     */
    public QueueLog {
      paths = List.copyOf(paths);
    }
  }

  /**
   * Options of the inbound report, as {@code sipring report} has them.
   *
   * @param agents CSV file agent,number,name naming who is behind an agent value; default: the operator
   *     registry when there is a database, else none
   * @param queues CSV file queue,name naming the queues
   * @param serviceLevelBuckets service-level bucket bounds in seconds (default 5,10,15,30,45,60,90,120,300)
   * @param shortAbandon abandons that waited less than this are counted as short abandons (default off)
   * @param serviceLevelThreshold the threshold T of the service level a wallboard shows for today (default 20s)
   * @param todayMaxAge how long today's per-queue figures ({@link QueueDayFigures}) are reused (default 5s)
   */
  public record Report(@Nullable Path agents, @Nullable Path queues, @DefaultValue List<Integer> serviceLevelBuckets,
      @Nullable Duration shortAbandon, @DefaultValue("20s") Duration serviceLevelThreshold,
      @DefaultValue("5s") Duration todayMaxAge) {
    /**
     * Checks the components; collections are kept as unmodifiable copies.
     *
     * @param agents CSV file agent,number,name naming who is behind an agent value; default: the operator registry when there is a database, else none
     * @param queues CSV file queue,name naming the queues
     * @param serviceLevelBuckets service-level bucket bounds in seconds (default 5,10,15,30,45,60,90,120,300)
     * @param shortAbandon abandons that waited less than this are counted as short abandons (default off)
     * @param serviceLevelThreshold the threshold T of the service level a wallboard shows for today (default 20s)
     * @param todayMaxAge how long today's per-queue figures are reused (default 5s)
     */
    public Report {
      serviceLevelBuckets = List.copyOf(serviceLevelBuckets);
    }
  }

  /**
   * SipRing's own connection pool, made only when the host defines no DataSource bean (with Spring's
   * {@code spring.datasource.*} the host's pool is used instead).
   *
   * @param url JDBC URL, such as jdbc:mariadb://pbx:3306/asteriskcdrdb
   * @param username database user
   * @param password database password
   * @param migrate create or update SipRing's own tables (operators, ...) at start-up
   * @param pinSecretFile file with the secret operator PINs are hashed with (at least 16 bytes), kept outside
   *     the database; without it the registry can name operators but not check PINs
   */
  public record Database(@Nullable String url, @Nullable String username, @Nullable String password,
      @DefaultValue("false") boolean migrate, @Nullable Path pinSecretFile) {
    @Override
    public String toString() {
      return "Database[url=" + url + ", username=" + username + ", password=" + (password == null ? "null" : "***")
          + ", migrate=" + migrate + ", pinSecretFile=" + pinSecretFile + "]";
    }
  }

  /**
   * The Asterisk Manager Interface.
   *
   * @param host Asterisk's address; the gateway and the live queue state exist only when it is set
   * @param port the AMI port
   * @param username AMI user (manager.conf)
   * @param secret AMI secret
   * @param connectTimeout how long one connection attempt may take
   */
  public record Ami(@Nullable String host, @DefaultValue("5038") int port, @DefaultValue("sipring") String username,
      @Nullable String secret, @DefaultValue("5s") Duration connectTimeout) {
    @Override
    public String toString() {
      return "Ami[host=" + host + ", port=" + port + ", username=" + username + ", secret="
          + (secret == null ? "null" : "***") + "]";
    }
  }

  /**
   * The HylaFAX server (hfaxd).
   *
   * @param host hfaxd's address; the fax client is configured only when it is set
   * @param port hfaxd's port
   * @param user the fax user
   * @param password the fax user's password
   * @param adminPassword hfaxd's {@code ADMIN} password for that user: the service account then kills and deletes
   *     any job for a fax administrator; without it only the owner's session can
   * @param maxUpload the largest document a person may upload to fax (the panel's send page)
   * @param accounts fax users by login (their hfaxd name): password and AvantFAX rights, saved to the fax user store
   *     at start-up
   * @param panelUsers panel (web) user name to fax login, for panel users whose fax login differs from their name
   * @param lines modem device to the line's name people see ({@code ttyIAX0=Управление 1})
   */
  public record Fax(@Nullable String host, @DefaultValue("4559") int port, @DefaultValue("sipring") String user,
      @Nullable String password, @Nullable String adminPassword, @DefaultValue("20MB") DataSize maxUpload,
      @DefaultValue Map<String, FaxAccount> accounts, @DefaultValue Map<String, String> panelUsers,
      @DefaultValue Map<String, String> lines) {
    @Override
    public String toString() {
      return "Fax[host=" + host + ", port=" + port + ", user=" + user + ", password="
          + (password == null ? "null" : "***") + ", adminPassword=" + (adminPassword == null ? "null" : "***")
          + ", accounts=" + accounts.keySet() + "]";
    }
  }

  /**
   * One fax user of {@code sipring.fax.accounts.LOGIN.*} (guide §10, AvantFAX's user settings).
   *
   * @param password the hfaxd password of this login (null when hosts.hfaxd asks none)
   * @param name display name
   * @param email where fax-to-email sends received faxes
   * @param admin administrator: every fax and job
   * @param privileged sees every line and category
   * @param canDelete may delete received faxes it sees
   * @param anyModem sees faxes of any modem and sends on any modem
   * @param modems modem devices this user sees and sends on
   * @param categories fax categories this user sees
   */
  public record FaxAccount(@Nullable String password, @DefaultValue("") String name, @DefaultValue("") String email,
      @DefaultValue("false") boolean admin, @DefaultValue("false") boolean privileged,
      @DefaultValue("false") boolean canDelete, @DefaultValue("false") boolean anyModem,
      @DefaultValue List<String> modems, @DefaultValue List<String> categories) {
    @Override
    public String toString() {
      return "FaxAccount[admin=" + admin + ", privileged=" + privileged + ", modems=" + modems + "]";
    }
  }

  /**
   * The pacemaker/corosync cluster view.
   *
   * @param enabled watch the local cluster (pcs or crm_mon on this host)
   * @param interval how often the cluster's state is read
   * @param settleTimeout how long an action from the panel waits for the cluster to settle
   */
  public record Ha(@DefaultValue("false") boolean enabled, @DefaultValue("10s") Duration interval,
      @DefaultValue("60s") Duration settleTimeout) {}

  // ---- surveys (issue #15): where SurveyService and the screen-pop links keep their data

  /** Where the surveys are kept. */
  public enum SurveyStore {
    /** SipRing's survey tables when there is a DataSource (and sipring-cdr), else in memory */
    AUTO,
    /** in memory: drafts, versions, queue bindings and responses are lost at restart */
    MEMORY,
    /** SipRing's survey tables of the DataSource; start-up fails when there is none */
    DATABASE
  }

  /**
   * The surveys of the panel and of the screen pop.
   *
   * @param store auto (the database when there is a DataSource, else memory), memory or database
   */
  public record Survey(@DefaultValue("auto") SurveyStore store) {}
}
