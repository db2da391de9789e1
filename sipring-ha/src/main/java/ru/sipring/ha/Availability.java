package ru.sipring.ha;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Availability of each service from a series of snapshots, against a target (99.99% by default, the guide's
 * figure). A snapshot's state holds until the next snapshot; the last one holds until {@code end}. A service is
 * every top-level resource: a primitive is up when active and not failed, a group when all its members are,
 * a clone when one instance is, a promotable clone when one instance is Promoted. A snapshot that could not
 * reach the cluster counts as down for every service (unknown is not up). Stateless; thread-safe.
 */
public final class Availability {
  /** The guide's target: 99.99%. */
  public static final BigDecimal FOUR_NINES = new BigDecimal("0.9999");

  private Availability() {}

  /** A snapshot taken at a moment. */
  public record Sample(Instant at, ClusterStatus status) {}

  /**
   * One service over the window.
   *
   * @param service resource id
   * @param up time up
   * @param down time down
   * @param ratio up / (up + down), 6 decimal places, rounded half-even once
   * @param budget downtime the target allows over the window
   * @param withinBudget down ≤ budget
   * @param outages separate periods down
   */
  public record ServiceAvailability(String service, Duration up, Duration down, BigDecimal ratio, Duration budget,
      boolean withinBudget, int outages) {}

  /**
   * Availability of every service seen in {@code samples} (sorted by time) from the first sample to {@code end}.
   *
   * @param samples the samples
   * @param end the end
   * @param target the availability target, such as 0.9999
   * @return the availability of each service
   */
  public static List<ServiceAvailability> compute(List<Sample> samples, Instant end, BigDecimal target) {
    if (samples.isEmpty()) {
      return List.of();
    }
    List<Sample> sorted = samples.stream().sorted(java.util.Comparator.comparing(Sample::at)).toList();
    Instant start = sorted.get(0).at();
    if (end.isBefore(sorted.get(sorted.size() - 1).at())) {
      throw new IllegalArgumentException("end " + end + " is before the last sample");
    }
    Set<String> services = new LinkedHashSet<>();
    for (Sample s : sorted) {
      s.status().resources().forEach(r -> services.add(r.id()));
    }
    Map<String, long[]> acc = new LinkedHashMap<>(); // up ms, down ms, outages, last-up flag
    for (String svc : services) {
      acc.put(svc, new long[] {0, 0, 0, 1});
    }
    for (int i = 0; i < sorted.size(); i++) {
      Sample s = sorted.get(i);
      Instant next = i + 1 < sorted.size() ? sorted.get(i + 1).at() : end;
      long ms = Duration.between(s.at(), next).toMillis();
      for (Map.Entry<String, long[]> e : acc.entrySet()) {
        String svc = e.getKey();
        long[] a = e.getValue();
        boolean up = s.status().connected() && s.status().resources().stream()
            .filter(r -> r.id().equals(svc)).anyMatch(Availability::up);
        if (up) {
          a[0] += ms;
        } else {
          a[1] += ms;
          if (a[3] == 1) {
            a[2]++;
          }
        }
        a[3] = up ? 1 : 0;
      }
    }
    long window = Duration.between(start, end).toMillis();
    Duration budget = Duration.ofMillis(BigDecimal.ONE.subtract(target).multiply(BigDecimal.valueOf(window))
        .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    List<ServiceAvailability> out = new ArrayList<>();
    acc.forEach((svc, a) -> {
      long total = a[0] + a[1];
      BigDecimal ratio = total == 0 ? BigDecimal.ONE
          : BigDecimal.valueOf(a[0]).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN);
      out.add(new ServiceAvailability(svc, Duration.ofMillis(a[0]), Duration.ofMillis(a[1]), ratio, budget,
          Duration.ofMillis(a[1]).compareTo(budget) <= 0, (int) a[2]));
    });
    return out;
  }

  static boolean up(ClusterResource r) {
    return switch (r.kind()) {
      case PRIMITIVE -> r.active() && !r.failed() && r.role().running();
      case GROUP -> !r.members().isEmpty() && r.members().stream().allMatch(Availability::up);
      case CLONE, BUNDLE -> r.members().stream().anyMatch(Availability::up);
      case PROMOTABLE -> r.primitives().stream().anyMatch(p -> p.role() == ResourceRole.PROMOTED && up(p));
    };
  }
}
