package ru.sipring.cli.fax;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;
import ru.sipring.fax.FaxServerException;

/**
 * Runs a fax command and turns SipRing errors into one clear line on stderr and an exit code: 2 bad input,
 * 3 server unreachable, 4 refused by hfaxd (its code and text are printed), 5 not found, 1 other.
 */
abstract class FaxCommandBase implements Callable<Integer> {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  /** Output formats of list-like commands. */
  enum Format { json, text }

  @Override
  public final Integer call() throws Exception {
    try {
      execute();
      out().flush();
      return 0;
    } catch (BadInputException e) {
      return fail(2, e);
    } catch (ConnectionException e) {
      return fail(3, e);
    } catch (FaxServerException e) {
      return fail(4, e);
    } catch (NotFoundException e) {
      return fail(5, e);
    } catch (RejectedException e) {
      return fail(4, e);
    } catch (SipRingException e) {
      return fail(1, e);
    }
  }

  abstract void execute() throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private int fail(int code, SipRingException e) {
    out().flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println("sipring fax " + label() + ": " + e.getMessage());
    err.flush();
    return code;
  }

  /** The command's name in error messages, after "sipring fax". */
  String label() {
    return spec.name();
  }

  void printJson(Object tree) throws Exception {
    out().println(JSON.writeValueAsString(tree));
  }
}
