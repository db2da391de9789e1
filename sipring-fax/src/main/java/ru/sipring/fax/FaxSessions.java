package ru.sipring.fax;

import java.util.Map;

/**
 * Opens hfaxd sessions for {@link FaxCenter}: as a fax user (jobs are owned by that hfaxd user) or as the
 * service account (reads the receive queue, acts for administrators). Implementations are thread-safe; each
 * call returns a new session the caller closes.
 */
public interface FaxSessions {

  /**
   * A session logged in as {@code user}'s hfaxd account.
   *
   * @param user the fax user to log in as
   * @return a session logged in as {@code user}'s hfaxd account
   */
  HylaFaxClient openAs(FaxUser user);

  /**
   * A session of the service account (with admin rights when configured).
   *
   * @return a session of the service account
   */
  HylaFaxClient openService();

  /**
   * Sessions on {@code address}: each user logs in with the credentials in {@code perUser} (by login; a user
   * missing there logs in by name without password), the service account with {@code service}.
   *
   * @param address the address
   * @param perUser the per user
   * @param service the service
   * @return the fax sessions
   */
  static FaxSessions of(FaxServerAddress address, Map<String, FaxCredentials> perUser, FaxCredentials service) {
    Map<String, FaxCredentials> copy = Map.copyOf(perUser);
    return new FaxSessions() {
      @Override
      public HylaFaxClient openAs(FaxUser user) {
        return HylaFaxClient.connect(address, copy.getOrDefault(user.login(), FaxCredentials.of(user.login(), null)));
      }

      @Override
      public HylaFaxClient openService() {
        return HylaFaxClient.connect(address, service);
      }
    };
  }
}
