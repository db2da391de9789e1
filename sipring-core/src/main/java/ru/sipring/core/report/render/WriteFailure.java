package ru.sipring.core.report.render;

import java.io.IOException;
import ru.sipring.core.SipRingException;

/** The one exception every renderer throws when its output cannot be written. Stateless. */
final class WriteFailure {
  private WriteFailure() {}

  /** Wraps an IOException of the output, keeping it as the cause. */
  static SipRingException of(IOException e) {
    return new SipRingException("cannot write the report: " + e.getMessage(), e);
  }
}
