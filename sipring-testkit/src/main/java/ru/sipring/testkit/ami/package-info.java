/**
 * A fake Asterisk Manager Interface server for tests: {@link ru.sipring.testkit.ami.FakeAsterisk} listens on a local
 * port, speaks enough of AMI for asterisk-java and {@code AmiPbxGateway} (login, queue actions, originate, events),
 * records the actions it received and emits events the test asks for. Thread-safe: its socket threads and the test
 * thread share it.
 */
@NullMarked
package ru.sipring.testkit.ami;

import org.jspecify.annotations.NullMarked;
