/**
 * HA cluster view for a SipRing installation: a pacemaker/corosync cluster (optionally with DRBD) read into
 * an immutable model ({@link ru.sipring.ha.ClusterStatus}, {@link ru.sipring.ha.DrbdResource}), judged by
 * {@link ru.sipring.ha.HealthChecker} into OK / DEGRADED / CRITICAL with reasons, controlled through
 * {@link ru.sipring.ha.ClusterControl} (pcs / crm_resource via a {@link ru.sipring.ha.CommandRunner}, or the
 * pcsd REST API), watched by {@link ru.sipring.ha.ClusterWatcher} and summarised by
 * {@link ru.sipring.ha.Availability}.
 */
@NullMarked
package ru.sipring.ha;

import org.jspecify.annotations.NullMarked;
