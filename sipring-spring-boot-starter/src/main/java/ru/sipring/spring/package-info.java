/**
 * Spring Boot auto-configuration of SipRing: the queue_log source and inbound reports, the database and the
 * operator registry, the AMI gateway with live queue state, the operators' screen pops ({@link ScreenPopDesk}), the
 * HylaFAX client, the cluster view, with health
 * indicators and Micrometer metrics. Every bean backs off when the host defines its own. See docs/web.md.
 */
@NullMarked
package ru.sipring.spring;

import org.jspecify.annotations.NullMarked;
