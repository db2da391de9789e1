package ru.sipring.cli.ami;

import org.jspecify.annotations.Nullable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.SipRingException;
import ru.sipring.core.pbx.QueueMember;

/** {@code sipring agents add|remove|pause|unpause}: queue membership from the command line. */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = "Add, remove, pause and unpause queue members through Asterisk AMI.",
    subcommands = {AgentsCommand.Add.class, AgentsCommand.Remove.class, AgentsCommand.Pause.class,
        AgentsCommand.Unpause.class})
public final class AgentsCommand implements Runnable {
  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  /** Exit codes: 0 done, 1 Asterisk refused (its message on stderr), 2 bad input, 3 cannot reach Asterisk. */
  static int exec(AmiOptions ami, String done, java.util.function.Consumer<AmiPbxGateway> action) {
    try (AmiPbxGateway gw = ami.connect()) {
      action.accept(gw);
      System.out.println(done);
      return 0;
    } catch (ru.sipring.core.RejectedException e) {
      System.err.println(e.getMessage());
      return 1;
    } catch (ru.sipring.core.BadInputException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (SipRingException e) {
      System.err.println(e.getMessage());
      return 3;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an interface to a queue.")
  static final class Add implements Callable<Integer> {
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    AmiOptions ami;
    @Option(names = "--queue", required = true, paramLabel = "Q")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String queue;
    @Option(names = "--interface", required = true, paramLabel = "I",
        description = "e.g. PJSIP/501 or Local/501@from-queue/n")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String iface;
    @Option(names = "--name", paramLabel = "N", description = "member name shown in queue_log and reports")
    @Nullable String name;
    @Option(names = "--penalty", paramLabel = "P", defaultValue = "0") int penalty;
    @Option(names = "--paused", description = "add the member paused") boolean paused;
    @Option(names = "--state-interface", paramLabel = "S", description = "e.g. hint:501@ext-local on FreePBX")
    @Nullable String stateInterface;

    @Override
    public Integer call() {
      return exec(ami, "added " + iface + " to queue " + queue, gw -> gw.addMember(
          new QueueMember(queue, iface, name == null ? iface : name, penalty, paused), stateInterface));
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an interface from a queue.")
  static final class Remove implements Callable<Integer> {
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    AmiOptions ami;
    @Option(names = "--queue", required = true, paramLabel = "Q")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String queue;
    @Option(names = "--interface", required = true, paramLabel = "I")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String iface;

    @Override
    public Integer call() {
      return exec(ami, "removed " + iface + " from queue " + queue, gw -> gw.removeMember(queue, iface));
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pause an interface in one queue, or in all its queues when --queue is omitted.")
  static final class Pause implements Callable<Integer> {
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    AmiOptions ami;
    @Option(names = "--interface", required = true, paramLabel = "I")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String iface;
    @Option(names = "--queue", paramLabel = "Q") @Nullable String queue;
    @Option(names = "--reason", paramLabel = "R") @Nullable String reason;

    @Override
    public Integer call() {
      return exec(ami, "paused " + iface + (queue == null ? " in all queues" : " in queue " + queue),
          gw -> gw.setPaused(iface, queue, true, reason));
    }
  }

  @Command(name = "unpause", mixinStandardHelpOptions = true,
      description = "Unpause an interface in one queue, or in all its queues when --queue is omitted.")
  static final class Unpause implements Callable<Integer> {
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    AmiOptions ami;
    @Option(names = "--interface", required = true, paramLabel = "I")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String iface;
    @Option(names = "--queue", paramLabel = "Q") @Nullable String queue;
    @Option(names = "--reason", paramLabel = "R") @Nullable String reason;

    @Override
    public Integer call() {
      return exec(ami, "unpaused " + iface + (queue == null ? " in all queues" : " in queue " + queue),
          gw -> gw.setPaused(iface, queue, false, reason));
    }
  }
}
