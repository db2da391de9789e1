package ru.sipring.ami.agi;

import java.util.Objects;

/**
 * Writes the dialplan that sends {@code *45<queue>} to the login service, for FreePBX's
 * {@code /etc/asterisk/extensions_custom.conf}. Stateless.
 *
 * <p>FreePBX already uses {@code *45} ("Queue Toggle", log in/out of all queues) as a feature code, matched in
 * its {@code app-queue-toggle} context included into {@code from-internal}. An exact FreePBX {@code *45} and
 * SipRing's pattern {@code _*45X.} do not collide for calls that dial digits after {@code *45}, but the admin
 * should disable or change FreePBX's code (Admin → Feature Codes → Queues → Queue Toggle) so that phones that
 * dial a bare {@code *45} do not reach FreePBX's toggle by habit, and so that dial-as-you-type phones do not
 * send {@code *45} before the queue digits.
 */
public final class DialplanSnippet {
  private DialplanSnippet() {}

  /**
   * The snippet for FreePBX: a context included from {@code from-internal-custom}.
   *
   * @param agiHost the address Asterisk dials for FastAGI (the login service's host as Asterisk sees it)
   * @param agiPort the login service's port
   * @param settings the feature code and script name to use
   * @return the dialplan text, ready for {@code extensions_custom.conf}
   */
  public static String freePbx(String agiHost, int agiPort, AgentLoginSettings settings) {
    Objects.requireNonNull(agiHost, "agiHost");
    String code = settings.featureCode();
    String pattern = "_" + code.replace("*", "*") + "X.";
    int skip = code.length();
    return String.join("\n",
        "; SipRing agent login: dial " + code + "<queue>, e.g. " + code + "6000",
        "; Paste into /etc/asterisk/extensions_custom.conf, then: asterisk -rx 'dialplan reload'",
        "; NOTE: FreePBX's own feature code " + code + " (Queue Toggle) uses the same prefix. Disable or change it",
        ";       in Admin > Feature Codes > Queues so that phones do not hit FreePBX's toggle instead.",
        "[from-internal-custom]",
        "include => sipring-agent-login",
        "",
        "[sipring-agent-login]",
        "exten => " + pattern + ",1,NoOp(SipRing agent login to queue ${EXTEN:" + skip + "})",
        " same => n,Set(AGISIGHUP=yes)",
        " same => n,AGI(agi://" + agiHost + ":" + agiPort + "/" + settings.scriptName() + ",${EXTEN:" + skip + "})",
        " same => n,Hangup()",
        "");
  }
}
