package ru.sipring.fax;

/**
 * The visibility and action rules of AvantFAX, which SipRing follows (HylaFAX has no per-line or
 * per-category rights). Stateless, thread-safe.
 *
 * <ul>
 *   <li>Administrators and privileged users see every received fax.
 *   <li>Others see a fax when it came on one of their lines (or they have "any modem"), and it has no
 *       category or a category they see.
 *   <li>Deleting needs visibility plus "may delete" (administrators always may).
 *   <li>Outgoing jobs: administrators and privileged users see all; others only their own; only the
 *       owner or an administrator may kill or delete a job.
 *   <li>Sending on a modem needs "any modem", administrator or privileged rights, or the modem in the list.
 * </ul>
 */
public final class FaxPermissions {
  private FaxPermissions() {}

  /**
   * Whether a user may see a received fax: administrators and privileged users see every fax; others see one that came on one of their lines (or they have "any modem") and has no category or a category they see.
   *
   * @param u the user
   * @param fax the received fax
   * @return true when the user may see it
   */
  public static boolean canSee(FaxUser u, InboxFax fax) {
    if (u.admin() || u.privileged()) {
      return true;
    }
    boolean line = u.anyModem() || u.modems().contains(fax.device());
    boolean category = fax.category() == null || u.categories().contains(fax.category());
    return line && category;
  }

  /**
   * Whether a user may delete a received fax: one they see, when they may delete (administrators always may).
   *
   * @param u the user
   * @param fax the received fax
   * @return true when the user may delete it
   */
  public static boolean canDelete(FaxUser u, InboxFax fax) {
    return canSee(u, fax) && (u.admin() || u.canDelete());
  }

  /**
   * Whether a user may see an outgoing job: their own, or any for an admin or a privileged user.
   *
   * @param u the user
   * @param job the job
   * @return true when the user may see it
   */
  public static boolean canSeeJob(FaxUser u, FaxJob job) {
    return u.admin() || u.privileged() || isOwner(u, job);
  }

  /**
   * Whether a user may kill or delete an outgoing job: their own, or any for an admin.
   *
   * @param u the user
   * @param job the job
   * @return true when the user may control it
   */
  public static boolean canControlJob(FaxUser u, FaxJob job) {
    return u.admin() || isOwner(u, job);
  }

  /**
   * Whether a user may send on a modem: with "any modem", administrator or privileged rights, or the modem in their list.
   *
   * @param u the user
   * @param modem the modem (device) name
   * @return true when the user may use it
   */
  public static boolean canSendOn(FaxUser u, String modem) {
    if (u.admin() || u.privileged() || u.anyModem()) {
      return true;
    }
    return u.modems().contains(modem);
  }

  /** hfaxd prints the owner from the hosts.hfaxd pattern, so {@code ^name@} and {@code name} both match. */
  static boolean isOwner(FaxUser u, FaxJob job) {
    String owner = job.owner();
    if (owner.startsWith("^")) {
      owner = owner.substring(1);
    }
    int at = owner.indexOf('@');
    if (at >= 0) {
      owner = owner.substring(0, at);
    }
    return owner.equals(u.login());
  }
}
