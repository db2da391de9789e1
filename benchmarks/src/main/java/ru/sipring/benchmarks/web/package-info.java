/**
 * Runners that measure the web panel from outside, over HTTP, as a browser would: report pages over a large
 * queue_log (cold and warm response times, the panel's memory and CPU from its actuator).
 */
@NullMarked
package ru.sipring.benchmarks.web;

import org.jspecify.annotations.NullMarked;
