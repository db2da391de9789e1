/**
 * The FastAGI agent login ({@code *45<queue>} on a phone keypad, the admin guide's login by PIN):
 * {@link ru.sipring.ami.agi.AgentLoginService} listens for Asterisk's AGI connections, checks the caller's peer
 * address and PIN with lockouts against brute force, and adds or removes the queue member through the
 * {@link ru.sipring.core.pbx.PbxGateway}; {@link ru.sipring.ami.agi.DialplanSnippet} prints the dialplan that calls
 * it. The service is thread-safe (calls are served on its own pool threads, at most 64 at once); settings are
 * immutable.
 */
@NullMarked
package ru.sipring.ami.agi;

import org.jspecify.annotations.NullMarked;
