package ru.sipring.core.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link LoginFailureLedger#inMemory()}. Thread-safe: every method is synchronized. */
final class InMemoryLoginFailureLedger implements LoginFailureLedger {
  private record Failure(String device, Instant at) {}

  private final List<Failure> failures = new ArrayList<>();
  private @Nullable Instant lockedUntil;

  @Override
  public synchronized void recordFailure(String device, Instant at) {
    failures.add(new Failure(Objects.requireNonNull(device, "device"), Objects.requireNonNull(at, "at")));
  }

  @Override
  public synchronized int failuresSince(String device, Instant since) {
    return (int) failures.stream().filter(f -> f.device().equals(device) && !f.at().isBefore(since)).count();
  }

  @Override
  public synchronized int failuresSince(Instant since) {
    return (int) failures.stream().filter(f -> !f.at().isBefore(since)).count();
  }

  @Override
  public synchronized void clearDevice(String device) {
    failures.removeIf(f -> f.device().equals(device));
  }

  @Override
  public synchronized void lockAll(Instant until) {
    if (lockedUntil == null || until.isAfter(lockedUntil)) {
      lockedUntil = until;
    }
  }

  @Override
  public synchronized Optional<Instant> lockedUntil() {
    return Optional.ofNullable(lockedUntil);
  }

  @Override
  public synchronized void forgetBefore(Instant before) {
    failures.removeIf(f -> f.at().isBefore(before));
  }
}
