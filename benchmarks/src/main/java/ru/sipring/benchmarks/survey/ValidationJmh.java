package ru.sipring.benchmarks.survey;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import ru.sipring.survey.Scenario;
import ru.sipring.survey.ScenarioValidator;
import ru.sipring.survey.ValidationReport;

/** JMH: validation time of a generated scenario (valid, and with one cycle). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationJmh {
  @Param({"1000"})
  public int questions;

  private Scenario valid;
  private Scenario cyclic;

  @Setup
  public void setUp() {
    valid = SurveyData.bigScenario(questions, 20260302L);
    cyclic = SurveyData.bigScenarioWithCycle(questions, 20260302L);
  }

  @Benchmark
  public ValidationReport validScenario() {
    return ScenarioValidator.validate(valid);
  }

  @Benchmark
  public ValidationReport scenarioWithACycle() {
    return ScenarioValidator.validate(cyclic);
  }
}
