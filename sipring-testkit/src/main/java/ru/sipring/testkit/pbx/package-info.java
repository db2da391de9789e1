/**
 * An in-memory {@link ru.sipring.core.pbx.PbxGateway} for host tests and demos
 * ({@link ru.sipring.testkit.pbx.InMemoryPbxGateway}): queue members, originate outcomes the test chooses, live queue
 * state and queue call events, with no Asterisk. Thread-safe like the real gateway.
 */
@NullMarked
package ru.sipring.testkit.pbx;

import org.jspecify.annotations.NullMarked;
