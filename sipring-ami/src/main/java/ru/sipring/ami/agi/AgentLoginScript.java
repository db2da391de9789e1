package ru.sipring.ami.agi;

import java.time.Clock;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.SipRingException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.pbx.QueueMember;
import ru.sipring.core.text.TerminalText;

/**
 * The {@code *45<queue>} script: a device that is not a member of the queue is asked for the operator's PIN and,
 * when it is right, added with the operator's name; a device that is a member is removed without a PIN (the
 * guide's toggle). Wrong PINs are counted per device and overall ({@link LoginGuard}) and lock logins out; PINs
 * are never logged, and every caller-supplied value in a log line is escaped ({@link TerminalText}).
 *
 * <p>Thread-safe: asterisk-java runs one call per pool thread through the same instance.
 */
final class AgentLoginScript implements AgiScript {
  private static final Logger log = LoggerFactory.getLogger(AgentLoginScript.class);

  static final String PROMPT_PIN = "agent-pass";
  static final String PROMPT_WRONG = "agent-incorrect";
  static final String PROMPT_LOGGED_IN = "agent-loginok";
  static final String PROMPT_LOGGED_OFF = "agent-loggedoff";
  static final String PROMPT_ALREADY = "agent-alreadyon";
  static final String PROMPT_GOODBYE = "vm-goodbye";
  static final String PROMPT_ERROR = "an-error-has-occured"; // sic: the Asterisk core sound's file name
  static final String PROMPT_INVALID = "pbx-invalid";

  private final AgentLoginSettings settings;
  private final AmiPbxGateway pbx;
  private final OperatorAuthenticator authenticator;
  private final OperatorLoginLog loginLog;
  private final AgentDirectory directory;
  private final LoginGuard lockout;
  private final Clock clock;

  AgentLoginScript(AgentLoginSettings settings, AmiPbxGateway pbx, OperatorAuthenticator authenticator,
      OperatorLoginLog loginLog, AgentDirectory directory, LoginGuard guard, Clock clock) {
    this.settings = settings;
    this.pbx = pbx;
    this.authenticator = authenticator;
    this.loginLog = loginLog;
    this.directory = directory;
    this.clock = clock;
    this.lockout = guard;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String exten = callerExtension(request);
    String queue = queueOf(request);
    if (queue == null || exten == null || request.getChannel() == null) {
      log.warn("*45 call from {} without a usable queue/extension (extension '{}')",
          TerminalText.escape(request.getChannel()), TerminalText.escape(request.getExtension()));
      channel.streamFile(PROMPT_INVALID);
      channel.hangup();
      return;
    }
    String device = memberInterface(request, exten);
    try {
      channel.answer();
      Optional<String> member = pbx.memberName(queue, device);
      if (member.isPresent()) {
        logout(channel, queue, device, exten, member.get());
      } else {
        login(channel, queue, device, exten);
      }
    } catch (AgiHangupException e) {
      log.info("*45{} from {}: caller hung up", queue, TerminalText.escape(device));
    } catch (SipRingException e) {
      log.warn("*45{} from {} failed: {}", queue, TerminalText.escape(device), TerminalText.escape(e.getMessage()));
      channel.streamFile(PROMPT_ERROR);
      channel.hangup();
    }
  }

  private void logout(AgiChannel channel, String queue, String device, String exten, String memberName)
      throws AgiException {
    pbx.removeMember(queue, device);
    Operator op = operatorOf(device, memberName, exten);
    loginLog.record(new OperatorLoginLog.Entry(op, queue, device, OperatorLoginLog.Action.LOGOUT, clock.instant(),
        "agi"));
    log.info("*45{}: {} ({}) logged out", queue, TerminalText.escape(device), TerminalText.escape(op.name()));
    channel.streamFile(PROMPT_LOGGED_OFF);
    channel.hangup();
  }

  private void login(AgiChannel channel, String queue, String device, String exten) throws AgiException {
    if (lockout.isLocked(device)) {
      log.warn("*45{}: device {} is locked out after wrong PINs{}", queue, TerminalText.escape(device),
          lockout.globallyLocked() ? " (every login is locked: the overall wrong-PIN budget is spent)" : "");
      channel.streamFile(PROMPT_GOODBYE);
      channel.hangup();
      return;
    }
    String prompt = PROMPT_PIN;
    for (int attempt = 1; attempt <= settings.pinAttempts(); attempt++) {
      String digits = channel.getData(prompt, settings.pinTimeout().toMillis(), settings.maxPinDigits());
      if (digits != null && digits.startsWith("-")) {
        throw new AgiHangupException(); // Asterisk answers GET DATA with -1 when the channel hangs up
      }
      prompt = PROMPT_WRONG;
      if (digits == null || digits.isEmpty()) {
        continue; // timeout without digits: another prompt, not a wrong PIN
      }
      Optional<Operator> op = authenticator.authenticate(digits);
      if (op.isEmpty()) {
        boolean locked = lockout.fail(device);
        log.warn("*45{}: wrong PIN from {} ({} of {} before lockout)", queue, TerminalText.escape(device),
            lockout.failures(device), settings.lockoutAfter());
        if (locked) {
          channel.streamFile(PROMPT_GOODBYE);
          channel.hangup();
          return;
        }
        continue;
      }
      lockout.reset(device);
      Operator operator = op.get();
      try {
        QueueMember m = new QueueMember(queue, device, operator.name(), 0, false);
        String state = settings.stateInterfaceTemplate() == null ? null
            : settings.stateInterfaceTemplate().replace("{exten}", exten);
        pbx.addMember(m, state);
      } catch (ru.sipring.core.RejectedException e) {
        String why = String.valueOf(e.getMessage());
        log.info("*45{}: {} not added: {}", queue, TerminalText.escape(device), TerminalText.escape(why));
        channel.streamFile(why.contains("Already there") ? PROMPT_ALREADY : PROMPT_ERROR);
        channel.hangup();
        return;
      }
      loginLog.record(new OperatorLoginLog.Entry(operator, queue, device, OperatorLoginLog.Action.LOGIN,
          clock.instant(), "agi"));
      log.info("*45{}: {} logged in as {}", queue, TerminalText.escape(device), TerminalText.escape(operator.name()));
      channel.streamFile(PROMPT_LOGGED_IN);
      channel.hangup();
      return;
    }
    channel.streamFile(PROMPT_GOODBYE);
    channel.hangup();
  }

  private Operator operatorOf(String device, String memberName, String exten) {
    return directory.operatorOf(device).or(() -> directory.operatorOf(memberName))
        .orElse(new Operator(exten, memberName));
  }

  /** The queue: the first AGI argument when the dialplan passes it, else the digits after the feature code. */
  @Nullable String queueOf(AgiRequest request) {
    String[] args = request.getArguments();
    String q = args != null && args.length > 0 && args[0] != null && !args[0].isBlank() ? args[0].trim() : null;
    if (q == null) {
      String ext = request.getExtension();
      if (ext != null && ext.startsWith(settings.featureCode()) && ext.length() > settings.featureCode().length()) {
        q = ext.substring(settings.featureCode().length());
      }
    }
    return q != null && q.matches("[A-Za-z0-9_-]{1,64}") ? q : null;
  }

  private static @Nullable String callerExtension(AgiRequest request) {
    String n = request.getCallerIdNumber();
    if (n != null && n.matches("[0-9A-Za-z_+*#-]{1,32}")) {
      return n;
    }
    String ch = request.getChannel();
    if (ch != null && ch.contains("/")) {
      return stripSuffix(ch).substring(ch.indexOf('/') + 1);
    }
    return null;
  }

  private String memberInterface(AgiRequest request, String exten) {
    if (settings.interfaceTemplate() != null) {
      return settings.interfaceTemplate().replace("{exten}", exten);
    }
    return stripSuffix(request.getChannel());
  }

  /** {@code PJSIP/501-0000001a} → {@code PJSIP/501}; {@code SIP/501-00000001} → {@code SIP/501}. */
  static String stripSuffix(String channel) {
    int dash = channel.lastIndexOf('-');
    return dash > channel.indexOf('/') ? channel.substring(0, dash) : channel;
  }
}
