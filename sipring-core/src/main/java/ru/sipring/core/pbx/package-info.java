/**
 * The PBX SPI: what SipRing asks of Asterisk ({@link ru.sipring.core.pbx.PbxGateway}: queue membership and
 * originating calls), the live queue state a wallboard shows ({@link ru.sipring.core.pbx.LiveQueueMonitor}) and the
 * queue call events a screen pop reacts to ({@link ru.sipring.core.pbx.QueueCallEvents}), with their immutable value
 * records. The AMI adapter ({@code ru.sipring.ami.AmiPbxGateway}) and the testkit's in-memory gateway implement it;
 * implementations are thread-safe and each interface states which thread calls listeners.
 */
@NullMarked
package ru.sipring.core.pbx;

import org.jspecify.annotations.NullMarked;
