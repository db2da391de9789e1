package ru.sipring.cli.cdr;

import java.io.PrintWriter;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;

/** Exit codes and messages of the database commands (cdr, operators, recordings, survey report). */
public final class Failures {
  static final int BAD_INPUT = 2;
  static final int UNREACHABLE = 3;
  static final int NOT_FOUND = 4;
  static final int REJECTED = 5;
  static final int FAILED = 1;

  private Failures() {}

  public static int report(String command, SipRingException e, PrintWriter err) {
    err.println("sipring " + command + ": " + e.getMessage());
    err.flush();
    if (e instanceof BadInputException) {
      return BAD_INPUT;
    }
    if (e instanceof ConnectionException) {
      return UNREACHABLE;
    }
    if (e instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof RejectedException) {
      return REJECTED;
    }
    return FAILED;
  }
}
