package ru.sipring.benchmarks.survey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import ru.sipring.survey.CrossTab;
import ru.sipring.survey.ResponseFilter;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioJson;
import ru.sipring.survey.ScenarioValidator;
import ru.sipring.survey.SurveyAnalyser;
import ru.sipring.survey.SurveyAnalysis;
import ru.sipring.survey.SurveyResponse;
import ru.sipring.survey.ValidationReport;

/**
 * Whole-process survey benchmark: validating a 1,000-question scenario, and analysing 1 million responses
 * (plus a cross-tab and a filtered analysis). Prints medians of repeated runs.
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -Xmx1g -cp benchmarks/target/sipring-benchmarks-*-all.jar ru.sipring.benchmarks.survey.SurveyBenchmark \
 *     [questions=1000] [responses=1000000] [rounds=5]
 * </pre>
 */
public final class SurveyBenchmark {
  private SurveyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int questions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long responses = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long seed = 20260302L;
    System.out.printf("survey benchmark: %d questions, %d responses, %d rounds, seed %d, %d cpus, java %s%n",
        questions, responses, rounds, seed, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));

    Scenario big = SurveyData.bigScenario(questions, seed);
    Scenario cyclic = SurveyData.bigScenarioWithCycle(questions, seed);
    ValidationReport ok = ScenarioValidator.validate(big);
    ValidationReport bad = ScenarioValidator.validate(cyclic);
    if (!ok.problems().isEmpty() || bad.errors().size() != 1) {
      throw new IllegalStateException("generated scenarios are not what the benchmark expects: " + ok.problems()
          + " / " + bad.problems());
    }
    String json = ScenarioJson.write(big);
    // warm-up: let the JIT compile the validator
    for (int i = 0; i < 200; i++) {
      ScenarioValidator.validate(i % 2 == 0 ? big : cyclic);
    }
    System.out.printf("validate %d questions (valid):        median %.3f ms%n", questions,
        median(rounds * 20, () -> ScenarioValidator.validate(big)));
    System.out.printf("validate %d questions (one cycle):    median %.3f ms%n", questions,
        median(rounds * 20, () -> ScenarioValidator.validate(cyclic)));
    System.out.printf("parse %d-question JSON (%d KiB) + validate: median %.3f ms%n", questions,
        json.length() / 1024, median(rounds * 20, () -> ScenarioValidator.validate(ScenarioJson.parse(json))));

    Path sample = Path.of("examples/surveys/car-loan.json");
    Scenario carLoan = ScenarioJson.read(Files.exists(sample) ? sample : Path.of("../examples/surveys/car-loan.json"));
    Iterable<SurveyResponse> generated = SurveyData.responses(carLoan, responses, seed);
    // materialised first, so the timings below are the analysis alone, not the generator
    java.util.List<SurveyResponse> data = new java.util.ArrayList<>((int) responses);
    long t0 = System.nanoTime();
    generated.forEach(data::add);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("generated %d responses in %.0f ms; heap in use %d MiB%n", responses,
        (System.nanoTime() - t0) / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
    SurveyAnalyser analyser = SurveyAnalyser.of(carLoan);
    ResponseFilter all = ResponseFilter.all();
    ResponseFilter narrow = ResponseFilter.all().withQueues("q1", "q2").withOperators("op1", "op2", "op11", "op12")
        .withVersions(2);
    long[] sink = new long[1];
    double iterate = median(rounds, () -> {
      long n = 0;
      for (SurveyResponse r : data) {
        n += r.answers().size();
      }
      sink[0] += n;
    });
    double analyse = median(rounds, () -> {
      SurveyAnalysis a = analyser.analyse(data, all);
      sink[0] += a.responses();
    });
    double filtered = median(rounds, () -> sink[0] += analyser.analyse(data, narrow).responses());
    double cross = median(rounds, () -> {
      CrossTab x = analyser.crossTab(data, all, "brand", "features");
      sink[0] += x.base();
    });
    SurveyAnalysis a = analyser.analyse(data, all);
    System.out.printf("iterate %d responses (baseline):      median %.0f ms%n", responses, iterate);
    System.out.printf("analyse %d responses (all):           median %.0f ms (%.2f M responses/s)%n", responses,
        analyse, responses / 1000.0 / analyse);
    System.out.printf("analyse with queue/operator/version filter: median %.0f ms (%d responses kept)%n", filtered,
        analyser.analyse(data, narrow).responses());
    System.out.printf("cross-tab brand x features:            median %.0f ms%n", cross);
    System.out.printf("check: %d responses, ready=yes %d, features answered %d (sink %d)%n", a.responses(),
        a.requireQuestion("ready").option("yes").orElseThrow().count(), a.requireQuestion("features").answered(),
        sink[0]);
  }

  private static double median(int rounds, Runnable work) {
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[rounds / 2];
  }
}
