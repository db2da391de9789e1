package ru.sipring.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import ru.sipring.core.inbound.partial.InboundPartial;
import ru.sipring.core.inbound.partial.PartialFormat;

/**
 * The fleet report on Spark: one partition per PBX, whose task reads that PBX's files in time order with the core
 * engine (so calls crossing file boundaries stay whole) and returns the serialised partial; the partials are merged
 * with {@code treeReduce}, which is correct because the merge is associative and commutative. Stateless and
 * thread-safe; the work runs on the given Spark context.
 */
public final class FleetReport {
  private FleetReport() {}

  /** One PBX: its source id (the location as given) and where its queue_log files are. */
  record Pbx(String sourceId, String location) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Computes and merges the partials of these PBXs.
   *
   * @param spark the Spark context
   * @param locations one location per PBX: a queue_log file or a directory of rotated files, on any Hadoop file
   *     system (a path without a scheme is local to every executor)
   * @param options the report options
   * @return the merged partial of all PBXs
   * @throws ru.sipring.core.SipRingException when a PBX's files cannot be read (the message names the location),
   *     possibly wrapped in Spark's task failure exception
   */
  public static InboundPartial run(JavaSparkContext spark, List<String> locations, JobOptions options) {
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("no PBX: give at least one --queue-log");
    }
    List<Pbx> pbxs = new ArrayList<>();
    for (String l : locations) {
      pbxs.add(new Pbx(l, l));
    }
    JavaRDD<String> partials = spark.parallelize(pbxs, pbxs.size()).map(p -> partial(p, options));
    // depth 2: the driver receives about sqrt(N) partials instead of N
    String merged = partials.treeReduce(FleetReport::merge, 2);
    return PartialFormat.fromText("merged partial", merged);
  }

  /** A task: one PBX's partial, serialised (small, and the same form a partial file has). */
  static String partial(Pbx pbx, JobOptions options) {
    try (PbxInput in = PbxInput.open(pbx.location(), new Configuration())) {
      return PartialFormat.toText(options.statistics().computePartial(pbx.sourceId(), in.input));
    }
  }

  static String merge(String a, String b) {
    return PartialFormat.toText(PartialFormat.fromText("partial", a).merge(PartialFormat.fromText("partial", b)));
  }
}
