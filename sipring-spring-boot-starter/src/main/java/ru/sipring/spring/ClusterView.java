package ru.sipring.spring;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.SipRingException;
import ru.sipring.ha.ClusterWatcher;
import ru.sipring.ha.HealthReport;

/**
 * The newest verdict of a {@link ClusterWatcher}: what the health indicator and pages show. Thread-safe: the
 * watcher's thread writes, any thread reads.
 */
public final class ClusterView implements ClusterWatcher.Listener {
  private final AtomicReference<@Nullable HealthReport> health = new AtomicReference<>();
  private final AtomicReference<@Nullable String> error = new AtomicReference<>();

  /**
   * A view fed by {@code watcher}.
   *
   * @param watcher the cluster watcher; this view registers itself as its listener
   */
  public ClusterView(ClusterWatcher watcher) {
    Objects.requireNonNull(watcher, "watcher").addListener(this);
  }

  @Override
  public void onChange(ClusterWatcher.Change change) {
    health.set(change.health());
    error.set(null);
  }

  @Override
  public void onError(SipRingException e) {
    error.set(String.valueOf(e.getMessage()));
  }

  /**
   * The newest health, empty before the first successful poll.
   *
   * @return the verdict and its reasons
   */
  public Optional<HealthReport> health() {
    return Optional.ofNullable(health.get());
  }

  /**
   * Why the last poll failed, empty when it succeeded.
   *
   * @return the message
   */
  public Optional<String> lastError() {
    return Optional.ofNullable(error.get());
  }
}
