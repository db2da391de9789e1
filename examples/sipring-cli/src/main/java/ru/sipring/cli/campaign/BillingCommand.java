package ru.sipring.cli.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.campaign.billing.Rating;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.billing.TariffCsv;
import ru.sipring.campaign.billing.TariffTable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/** {@code sipring billing ...}: call rating. */
@Command(name = "billing", mixinStandardHelpOptions = true, description = "Call billing: rate a call against a rate table.",
    subcommands = {BillingCommand.Rate.class})
public final class BillingCommand implements Runnable {
  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "rate", mixinStandardHelpOptions = true,
      description = {"Prices one call: longest prefix match in the rate table, then the cost rule of docs/campaign.md.",
          "Prints {\"prefix\": \"...\", \"billedSeconds\": N, \"cost\": \"1.53\"} with --format json; cost and "
              + "prefix are null when no tariff matches (unrated, never 0)."})
  static final class Rate implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;

    @Option(names = "--tariffs", required = true, paramLabel = "F.csv",
        description = "prefix,name,price_per_minute,initial_block,billing_block,connect_charge,free_seconds,"
            + "minimal_cost,valid_from,valid_to (A2Billing and ASTPP column names work too)")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    Path tariffs;

    @Option(names = "--number", required = true, description = "dialled number (normalised: 8XXXXXXXXXX -> 7...)")

    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String number;

    @Option(names = "--seconds", required = true, description = "answered seconds (CDR billsec)")
    long seconds;

    @Option(names = "--unanswered", description = "the call was not answered")
    boolean unanswered;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "call start, for validity dates (default: now)")
    @Nullable Instant at;

    @Option(names = "--zone", defaultValue = "Europe/Moscow", description = "zone of dates in the file (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    ZoneId zone;

    @Option(names = "--rounding", defaultValue = "relative",
        description = "relative (I + ceil((d-I)/B)·B) or a2billing (absolute) (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String rounding;

    @Option(names = "--format", defaultValue = "text", description = "text or json (${DEFAULT-VALUE})")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        if (seconds < 0) {
          throw new BadInputException("--seconds", "must not be negative, was " + seconds);
        }
        TariffCsv.Result r = TariffCsv.read(tariffs, zone);
        r.problems().forEach(p -> spec.commandLine().getErr().println("warning: " + p));
        TariffTable table;
        try {
          table = TariffTable.of(r.tariffs(), CampaignCommand.rounding(rounding));
        } catch (IllegalArgumentException e) {
          throw new BadInputException(tariffs.toString(), String.valueOf(e.getMessage()));
        }
        Rating rating = table.rate(number, at == null ? Instant.now() : at, seconds, !unanswered);
        Tariff tariff = rating.tariff();
        java.math.BigDecimal cost = rating.cost();
        if (format.equalsIgnoreCase("json")) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("prefix", rating.prefix());
          m.put("billedSeconds", rating.billedSeconds());
          m.put("cost", rating.cost() == null ? null : rating.cost().toPlainString());
          out.println(CampaignCommand.JSON.writeValueAsString(m));
        } else if (tariff != null && cost != null) {
          out.printf("%s (%s): billed %d s, cost %s%n", rating.prefix(), tariff.name(), rating.billedSeconds(),
              cost.toPlainString());
        } else {
          out.println("no tariff for " + number + ": unrated");
        }
        out.flush();
        return 0;
      } catch (SipRingException e) {
        return CampaignCommand.fail(spec, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
