package ru.sipring.cli.cdr;

import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.cdr.DatabasePool;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.cdr.JdbiOperatorRegistry;
import ru.sipring.cdr.OperatorInfo;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.cdr.PinHasher;
import ru.sipring.cdr.PinPolicy;
import ru.sipring.cli.Secrets;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.core.SipRingException;
import ru.sipring.core.text.TerminalText;

/**
 * {@code sipring operators add|list|disable|enable|rename|set-pin|reset-pin|alias|service-password}: the
 * guide's Сервис → Пользователи form. Every edit asks for the service password ({@code --service-password}
 * typed at the prompt, {@code --service-password-file}, $SIPRING_SERVICE_PASSWORD); a new PIN must pass the
 * {@link PinPolicy} ({@code --min-pin-digits}); PINs are hashed with the secret from
 * {@code --pin-secret-file} or $SIPRING_PIN_SECRET, which never goes into the database. SipRing's schema is
 * migrated first (idempotent).
 */
@Command(name = "operators", mixinStandardHelpOptions = true,
    description = "Operators of the call centre: full name, PIN for *45<queue> login, active flag.",
    subcommands = {OperatorsCommand.Add.class, OperatorsCommand.ListOperators.class, OperatorsCommand.Disable.class,
        OperatorsCommand.Enable.class, OperatorsCommand.Rename.class, OperatorsCommand.SetPin.class,
        OperatorsCommand.ResetPin.class, OperatorsCommand.Alias.class, OperatorsCommand.ServicePassword.class})
public final class OperatorsCommand implements Runnable {
  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every subcommand shares. */
  static final class Common {
    @Mixin

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    OwnDbOptions db;

    @Mixin

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    PinSecretOptions pinSecret;

    @Option(names = "--service-password", paramLabel = "P", interactive = true, arity = "0..1",
        description = "the service password that protects edits: prompted (no echo) or read from stdin when "
            + "given without a value; else --service-password-file or $SIPRING_SERVICE_PASSWORD")
    @Nullable String servicePassword;

    @Option(names = "--service-password-file", paramLabel = "FILE",
        description = "file whose first line is the service password")
    java.nio.file.@Nullable Path servicePasswordFile;

    @Option(names = "--min-pin-digits", paramLabel = "N", defaultValue = "4",
        description = "shortest PIN accepted by add and set-pin (default ${DEFAULT-VALUE}); 1111- and 1234-style "
            + "PINs are always refused")
    int minPinDigits;

    PinHasher pins(boolean needed) {
      return pinSecret.pins(needed);
    }
  }

  /** Runs one edit with the registry, translating failures to exit codes. */
  abstract static class Sub implements Callable<Integer> {
    @Spec

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;

    @Mixin

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    Common common;

    boolean needsPinSecret() {
      return false;
    }

    abstract void run(OperatorRegistry registry, PrintWriter out);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (DatabasePool ds = common.db.open()) {
        PinHasher pins = common.pins(needsPinSecret());
        SipRingSchema.migrate(ds);
        run(JdbiOperatorRegistry.of(ds, pins, new PinPolicy(common.minPinDigits), Clock.systemUTC()), out);
        out.flush();
        return 0;
      } catch (SipRingException e) {
        return Failures.report("operators " + spec.name(), e, spec.commandLine().getErr());
      }
    }

    /** The service password every registry edit needs; a clear error when none is given. */
    String requiredPassword() {
      String p = password();
      if (p == null) {
        throw new BadInputException("--service-password-file", "the registry's service password is needed: give "
            + "--service-password-file FILE or set SIPRING_SERVICE_PASSWORD");
      }
      return p;
    }

    @Nullable String password() {
      return Secrets.resolve(common.servicePassword, common.servicePasswordFile, "--service-password-file",
          "SIPRING_SERVICE_PASSWORD");
    }

    static void print(PrintWriter out, OperatorInfo o) {
      // names and aliases come from the database: shown escaped, so a stored ESC sequence cannot drive the terminal
      out.printf("%-8s %-30s %-8s %-7s %s%n", TerminalText.escape(o.number()), TerminalText.escape(o.name()),
          o.active() ? "active" : "disabled", o.hasPin() ? "pin" : "no-pin",
          TerminalText.escape(String.join(",", o.aliases())));
    }
  }

  @Command(name = "add", description = "Add an active operator.")
  static final class Add extends Sub {
    @Parameters(index = "0", paramLabel = "NUMBER", description = "operator number (usually the extension)")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Parameters(index = "1", paramLabel = "FULL_NAME", description = "full name, such as \"Петрова ЛВ\"")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;

    @Option(names = "--pin", paramLabel = "DIGITS", interactive = true, arity = "0..1",
        description = "PIN typed on the phone: prompted (no echo) or read from stdin when given without a value")
    @Nullable String pin;

    @Override
    boolean needsPinSecret() {
      return pin != null;
    }

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.add(number, name, pin, requiredPassword()));
    }
  }

  @Command(name = "list", description = "List operators (never their PINs).")
  static final class ListOperators extends Sub {
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String format;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      if (format.equals("json")) {
        try {
          out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
              .writeValueAsString(registry.list()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
        return;
      }
      registry.list().forEach(o -> print(out, o));
    }
  }

  @Command(name = "disable", description = "Disable an operator: the PIN stops working, history keeps the name.")
  static final class Disable extends Sub {
    @Parameters(paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.setActive(number, false, requiredPassword()));
    }
  }

  @Command(name = "enable", description = "Enable a disabled operator again.")
  static final class Enable extends Sub {
    @Parameters(paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.setActive(number, true, requiredPassword()));
    }
  }

  @Command(name = "rename", description = "Change an operator's full name.")
  static final class Rename extends Sub {
    @Parameters(index = "0", paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Parameters(index = "1", paramLabel = "FULL_NAME")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.rename(number, name, requiredPassword()));
    }
  }

  @Command(name = "set-pin", description = "Set or change an operator's PIN (unique among active operators).")
  static final class SetPin extends Sub {
    @Parameters(index = "0", paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Option(names = "--pin", paramLabel = "DIGITS", interactive = true, arity = "0..1", required = true,
        description = "the new PIN: prompted (no echo) or read from stdin when given without a value")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String pin;

    @Override
    boolean needsPinSecret() {
      return true;
    }

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.setPin(number, pin, requiredPassword()));
    }
  }

  @Command(name = "reset-pin", description = "Remove an operator's PIN (no login until a new one is set).")
  static final class ResetPin extends Sub {
    @Parameters(paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.resetPin(number, requiredPassword()));
    }
  }

  @Command(name = "alias", description = "Another queue_log agent value (interface, agent id) for an operator.")
  static final class Alias extends Sub {
    @Parameters(index = "0", paramLabel = "NUMBER")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String number;

    @Parameters(index = "1", paramLabel = "AGENT")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String agent;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      print(out, registry.addAlias(number, agent, requiredPassword()));
    }
  }

  @Command(name = "service-password", description = "Set the service password (the first time, or give the current one).")
  static final class ServicePassword extends Sub {
    @Option(names = "--new", paramLabel = "P", interactive = true, arity = "0..1", required = true,
        description = "the new service password (prompted when given without a value)")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String next;

    @Override
    void run(OperatorRegistry registry, PrintWriter out) {
      registry.setServicePassword(password(), next);
      out.println("service password set");
    }
  }

}
