package ru.sipring.survey;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Test fixtures: the shipped sample scenario, the guide's example, a settable clock. */
final class Samples {
  private Samples() {}

  /** examples/surveys/car-loan.json, read from the repository (tests run in the module directory). */
  static Path carLoanPath() {
    for (Path p : new Path[] {Path.of("../examples/surveys/car-loan.json"), Path.of("examples/surveys/car-loan.json")}) {
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new IllegalStateException("examples/surveys/car-loan.json not found from " + Path.of("").toAbsolutePath());
  }

  static Scenario carLoan() {
    return ScenarioJson.read(carLoanPath());
  }

  static Scenario resource(String name) {
    InputStream in = Samples.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IllegalStateException("no test resource " + name);
    }
    return ScenarioJson.read(in, name);
  }

  /** A clock that moves only when told to. Not thread-safe. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
