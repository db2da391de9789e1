package ru.sipring.ha;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one-node cluster .ci/services.d/40-pacemaker.sh starts; FAIL in CI when it is missing, skip elsewhere. */
final class LiveCluster {
  private LiveCluster() {}

  static void require() {
    boolean present = "1".equals(System.getenv("SIPRING_TEST_PACEMAKER"));
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("CI=true but SIPRING_TEST_PACEMAKER is not set: .ci/services.d/40-pacemaker.sh did not start the cluster");
    }
    assumeTrue(present, "no pacemaker cluster: source .ci/services.d/40-pacemaker.sh (sets SIPRING_TEST_PACEMAKER=1)");
  }

  static String node() {
    String n = System.getenv("SIPRING_HA_NODE");
    return n == null ? "node1" : n;
  }
}
