package ru.sipring.cli.screenpop;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.cli.ami.AmiOptions;
import ru.sipring.cli.campaign.StoreOptions;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.CsvAgentDirectory;
import ru.sipring.campaign.ClientCards;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.ScreenPop;
import ru.sipring.survey.ScreenPopWiring;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.ValidationReport;

/**
 * {@code sipring screen-pop}: a minimal operator-screen host. Listens to Asterisk's AMI for agent-connect events
 * and prints one JSON line per connected call with the client card from the campaign base and the queue's
 * survey, which is what a CRM or web panel would show. Wiring: {@link AmiPbxGateway}'s call events → {@link
 * ScreenPopWiring} with campaign's {@link ClientCards} as the client base.
 */
@Command(
    name = "screen-pop",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Print a screen pop (client card + the queue's survey) as a JSON line for every call an"
        + " operator answers, from Asterisk AMI AgentConnect events.",
    footer = {"", "Example:",
        "  sipring screen-pop --ami pbx:5038 --ami-user sipring --ami-secret S \\",
        "      --agents examples/data/agents.csv --survey 6000=examples/surveys/car-loan.json",
        "",
        "Exit codes: 0 done (--count reached or interrupted), 1 AMI or database unreachable, 2 a bad option.",
        "Documentation: docs/screen-pop.md"})
public final class ScreenPopCommand implements java.util.concurrent.Callable<Integer> {
  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Mixin
  AmiOptions ami = new AmiOptions();

  @Mixin
  StoreOptions clients = new StoreOptions();

  @Option(names = "--agents", paramLabel = "FILE", description = "CSV agent,number,name: operator numbers of member interfaces")
  @Nullable Path agentsFile;

  @Option(names = "--survey", paramLabel = "QUEUE=FILE.json",
      description = "the survey scenario shown for calls of this queue (repeatable)")
  Map<String, Path> surveys = new LinkedHashMap<>();

  @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "60",
      description = "re-read the client base this often, 0 = never (default ${DEFAULT-VALUE})")
  int refreshSeconds;

  @Option(names = "--count", paramLabel = "N", description = "stop after N screen pops (default: run until interrupted)")
  @Nullable Integer count;

  private final OutputStream stdout;

  public ScreenPopCommand() {
    this(System.out);
  }

  /** For tests and hosts: where the JSON lines go. */
  public ScreenPopCommand(OutputStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (count != null && count < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--count: must be 1 or more, got " + count);
    }
    if (refreshSeconds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--refresh: must be 0 or more seconds");
    }
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sipring-client-base-refresh");
      t.setDaemon(true);
      return t;
    });
    try (StoreOptions.Opened store = clients.open()) {
      SurveyService surveyService = surveys();
      AgentDirectory operators = agentsFile == null ? AgentDirectory.empty() : CsvAgentDirectory.load(agentsFile);
      ClientCards cards = ClientCards.load(store.store());
      if (refreshSeconds > 0) {
        refresher.scheduleWithFixedDelay(() -> {
          try {
            cards.refresh();
          } catch (RuntimeException e) {
            err.println("sipring screen-pop: client base not refreshed: " + e.getMessage());
            err.flush();
          }
        }, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
      }
      CountDownLatch done = new CountDownLatch(count == null ? 1 : count);
      ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      ScreenPopWiring wiring = ScreenPopWiring.builder(surveyService)
          .clients(number -> cards.findByNumber(number)
              .map(c -> new ClientCard(c.contactId(), c.name(), c.number(), c.details())))
          .operators(operators)
          .build();
      wiring.pops().addListener(pop -> {
        if (done.getCount() == 0) {
          return;
        }
        print(json, pop);
        if (count != null) {
          done.countDown();
        }
      });
      // one AMI session: the gateway's own, whose call events feed the pops
      try (AmiPbxGateway gateway = ami.connect();
           ScreenPopWiring.Subscription events = wiring.subscribe(gateway)) {
        err.println("sipring screen-pop: listening to AMI " + ami.settings().host() + ":" + ami.settings().port()
            + "; " + cards.size()
            + " client number(s), surveys for " + (surveys.isEmpty() ? "no queue" : String.join(", ", surveys.keySet())));
        err.flush();
        done.await();
      }
      return 0;
    } catch (BadInputException e) {
      err.println("sipring screen-pop: " + e.getMessage());
      err.flush();
      return 2;
    } catch (SipRingException e) {
      err.println("sipring screen-pop: " + e.getMessage());
      err.flush();
      return 1;
    } finally {
      refresher.shutdownNow();
    }
  }

  private SurveyService surveys() {
    SurveyService service = SurveyService.inMemory(Clock.systemUTC());
    for (Map.Entry<String, Path> e : surveys.entrySet()) {
      var scenario = ScenarioJson.read(e.getValue());
      ValidationReport report = service.saveDraft(scenario);
      if (!report.isValid()) {
        throw new BadInputException(e.getValue().toString(), "not a valid survey:\n" + report.errorLines());
      }
      service.publish(scenario.id());
      service.assign(e.getKey(), scenario.id());
    }
    return service;
  }

  /** One line per pop; the listener thread is the only writer. */
  private void print(ObjectMapper json, ScreenPop pop) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("callId", pop.call().callId());
    line.put("queue", pop.call().queue());
    line.put("operator", pop.call().operator());
    line.put("callerNumber", pop.callerNumber());
    line.put("client", pop.call().client());
    line.put("card", pop.client().map(c -> {
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("clientId", c.clientId());
      card.put("name", c.name());
      card.put("number", c.number());
      card.put("details", c.details());
      return card;
    }).orElse(null));
    line.put("survey", pop.scenario().map(s -> {
      Map<String, Object> survey = new LinkedHashMap<>();
      survey.put("id", s.scenario().id());
      survey.put("version", s.version());
      return survey;
    }).orElse(null));
    try {
      synchronized (stdout) {
        stdout.write(json.writeValueAsBytes(line));
        stdout.write('\n');
        stdout.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
