package ru.sipring.cli.cdr;

import ru.sipring.cdr.DatabasePool;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.cdr.Recording;
import ru.sipring.cdr.Recordings;
import ru.sipring.core.SipRingException;

/** {@code sipring recording CALLID --out FILE --db JDBC_URL [--monitor DIR]}: saves a call's recording. */
@Command(name = "recording", mixinStandardHelpOptions = true,
    description = "Save the recording of a call (CALLID = the cdr uniqueid / queue_log callid, or a linkedid).")
public final class RecordingCommand implements Callable<Integer> {
  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Mixin

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  DbOptions db;

  @Parameters(paramLabel = "CALLID")

  @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
  String callId;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to save it; - for stdout")

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String out;

  @Option(names = "--monitor", paramLabel = "DIR", description = "monitor root (default: ${DEFAULT-VALUE})",
      defaultValue = "/var/spool/asterisk/monitor")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Path monitor;

  @Option(names = "--table", paramLabel = "TABLE", defaultValue = "cdr")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String table;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (DatabasePool ds = db.open()) {
      Recording r = Recordings.of(JdbiCdrRepository.of(ds, table), monitor).find(callId);
      if (out.equals("-")) {
        try (InputStream in = r.open()) {
          OutputStream stdout = System.out;
          in.transferTo(stdout);
          stdout.flush();
        } catch (java.io.IOException e) {
          throw new SipRingException("cannot write the recording to stdout: " + e.getMessage(), e);
        }
      } else {
        r.saveTo(Path.of(out));
        err.println("sipring recording: saved " + r.path() + " (" + r.size() + " bytes, " + r.format() + ") to " + out);
      }
      err.flush();
      return 0;
    } catch (SipRingException e) {
      return Failures.report("recording", e, err);
    }
  }
}
