/**
 * The Asterisk Manager Interface adapter: {@link ru.sipring.ami.AmiPbxGateway} implements core's PBX SPI
 * (queue members, originate, live queue state, queue call events) over one asterisk-java AMI connection, with
 * its own capped exponential reconnect back-off; {@link ru.sipring.ami.AmiSettings} configures it. The gateway is
 * thread-safe; listeners are called on the gateway's own notification threads, never on asterisk-java's reader
 * thread. The other types here are package-private helpers.
 */
@NullMarked
package ru.sipring.ami;

import org.jspecify.annotations.NullMarked;
