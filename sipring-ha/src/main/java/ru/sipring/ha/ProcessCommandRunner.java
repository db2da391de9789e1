package ru.sipring.ha;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ru.sipring.core.ConnectionException;

/**
 * Runs commands with {@link ProcessBuilder}: argument list, no shell, both streams drained concurrently so a
 * chatty command cannot block, the whole process tree destroyed on timeout. Thread-safe.
 */
final class ProcessCommandRunner implements CommandRunner {
  // not the common pool: on a 2-core machine it has one thread, and the two drains must run at once
  private static final java.util.concurrent.ExecutorService DRAINS =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sipring-ha-command-output");
        t.setDaemon(true);
        return t;
      });
  private final Map<String, String> environment;

  /**
   * A runner adding these variables to the inherited environment (for example {@code CIB_file}).
   *
   * @param environment the environment
   */
  ProcessCommandRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public CommandResult run(List<String> argv, Duration timeout) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(environment);
    // crm_mon and pcs print localised text otherwise; the parsers read XML, the messages should be stable
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new ConnectionException("cannot start `" + String.join(" ", argv) + "`: " + e.getMessage(), e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()), DRAINS);
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()), DRAINS);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new CommandTimeoutException(argv, timeout);
      }
      return new CommandResult(argv, p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while running `" + String.join(" ", argv) + "`", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ConnectionException("cannot read the output of `" + String.join(" ", argv) + "`", e);
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
