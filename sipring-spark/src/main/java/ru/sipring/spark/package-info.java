/**
 * The inbound report of a fleet of PBXs on Apache Spark (docs/scale.md): {@link ru.sipring.spark.FleetReport}
 * computes one {@link ru.sipring.core.inbound.partial.InboundPartial} per PBX inside Spark tasks and merges them
 * with {@code treeReduce}; {@link ru.sipring.spark.SipRingSpark} is the {@code bin/sipring-spark} command line.
 */
@NullMarked
package ru.sipring.spark;

import org.jspecify.annotations.NullMarked;
