package ru.sipring.cdr;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Function;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.text.SecretText;

/**
 * Turns JDBC/Jdbi failures into SipRing's typed exceptions, keeping the cause (a password a driver quotes from
 * a JDBC URL is masked, {@link SecretText#maskUrl}): the server unreachable or the
 * connection lost becomes {@link ConnectionException}, a constraint violation {@link RejectedException}, a
 * missing table or database {@link ru.sipring.core.NotFoundException}, anything else {@link SipRingException}.
 * One policy for every repository of sipring-cdr, including the survey and fax adapters in the sub-packages
 * (which is why it is public); applications that write their own SQL on the same pool may use it too.
 * Thread-safe (stateless).
 */
public final class DbFailures {
  private DbFailures() {}

  /**
   * Translates {@code failure}; {@code what} says what SipRing was doing ("reading asteriskcdrdb.cdr").
   *
   * @param what what SipRing was doing, for the message
   * @param failure the JDBC or Jdbi failure
   * @return a ConnectionException, RejectedException or SipRingException with the cause kept
   */
  public static SipRingException translate(String what, Throwable failure) {
    return translate(what, failure, constraint -> null);
  }

  /**
   * As {@link #translate(String, Throwable)}, with a readable message for known constraints: {@code explain}
   * gets the server's message and returns a sentence, or null to keep the server's words.
   */
  static SipRingException translate(String what, Throwable failure, Function<String, String> explain) {
    if (failure instanceof SipRingException s) {
      return s;
    }
    SQLException sql = findSql(failure);
    if (sql == null) {
      if (failure instanceof JdbiException && failure.getCause() != null
          && failure.getCause() != failure) {
        return translate(what, failure.getCause(), explain);
      }
      return new SipRingException(what + " failed: " + SecretText.maskUrl(failure.getMessage()), failure);
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    if (isConnectionLoss(sql, state)) {
      return new ConnectionException(what + ": database unreachable or connection lost: "
          + SecretText.maskUrl(sql.getMessage() + rootCause(sql)), failure);
    }
    if (state.equals("42S02") || sql.getErrorCode() == 1146 || sql.getErrorCode() == 1049) {
      // no such table / database: a wrong --table or a database without FreePBX's tables
      return new ru.sipring.core.NotFoundException(what + ": " + SecretText.maskUrl(sql.getMessage()), failure);
    }
    if (sql instanceof SQLIntegrityConstraintViolationException || state.startsWith("23")) {
      String explained = explain.apply(String.valueOf(sql.getMessage()));
      return new RejectedException(what + " rejected by the database: "
          + (explained != null ? explained : SecretText.maskUrl(sql.getMessage())), failure);
    }
    return new SipRingException(what + " failed: " + SecretText.maskUrl(sql.getMessage())
        + (state.isEmpty() ? "" : " (SQLState " + state + ")"), failure);
  }

  private static boolean isConnectionLoss(SQLException sql, String state) {
    if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
        || sql instanceof SQLRecoverableException || state.startsWith("08")) {
      return true;
    }
    // HikariCP: "Connection is not available, request timed out" keeps the driver's failure as cause/next
    for (Throwable t = sql.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof SQLException inner && inner != sql) {
        String s = inner.getSQLState() == null ? "" : inner.getSQLState();
        if (inner instanceof SQLNonTransientConnectionException || s.startsWith("08")) {
          return true;
        }
      }
      if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
          || t instanceof java.io.EOFException) {
        return true;
      }
    }
    return false;
  }

  /** " (root cause: Connection refused)" when the deepest cause says more than the top message. */
  private static String rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return root == t || m == null || String.valueOf(t.getMessage()).contains(m) ? "" : " (root cause: " + m + ")";
  }

  private static @Nullable SQLException findSql(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
