package ru.sipring.ha;

import org.junit.jupiter.api.Test;

class DumpCorpusTest {
  @Test
  void dump() {
    for (var f : Corpus.files(".xml")) {
      String rel = Corpus.ha().relativize(f).toString();
      if (rel.startsWith("pacemaker-cts-2.1.5/") || rel.contains("cib")) continue;
      try {
        ClusterStatus s = CrmMonParser.parse(f);
        HealthReport h = HealthChecker.withDefaults().check(s);
        System.out.println("== " + rel + " -> " + h.verdict());
        h.reasons().forEach(r -> System.out.println("   " + r.severity() + " | " + r.subject() + " | " + r.message()));
      } catch (RuntimeException e) {
        System.out.println("== " + rel + " !! " + e);
      }
    }
  }
}
