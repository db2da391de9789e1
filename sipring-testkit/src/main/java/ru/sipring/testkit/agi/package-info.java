/**
 * A scripted FastAGI call for tests of AGI scripts without Asterisk: {@link ru.sipring.testkit.agi.FakeAgiCall}
 * answers the script's commands (digits typed, channel variables) from a script the test writes. Not API for
 * production use; each fake is used by one test thread.
 */
@NullMarked
package ru.sipring.testkit.agi;

import org.jspecify.annotations.NullMarked;
