/** CLI commands that talk to Asterisk over AMI and FastAGI: agents, live queue state, agent login, the demo. */
@NullMarked
package ru.sipring.cli.ami;

import org.jspecify.annotations.NullMarked;
