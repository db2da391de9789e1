/**
 * Asterisk's side of a FastAGI call, for tests of AGI servers without Asterisk: {@link ru.sipring.testkit.agi.FakeAgiCall}
 * connects to the server, sends the {@code agi_*} environment, answers each command (the digits the test says the
 * caller keys, a hang-up at a given prompt) and returns the transcript. Not thread-safe: one call per instance,
 * played on the test's thread.
 */
@NullMarked
package ru.sipring.testkit.agi;

import org.jspecify.annotations.NullMarked;
