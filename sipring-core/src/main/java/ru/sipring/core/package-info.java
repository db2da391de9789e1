/**
 * The root of SipRing's core: the exception hierarchy every module throws ({@link ru.sipring.core.SipRingException}
 * and its subclasses, all unchecked). The areas live in subpackages: queue_log reading ({@code queuelog}), the
 * inbound statistics engine ({@code inbound}), the report model and its renderers ({@code report}), the PBX SPI
 * ({@code pbx}), operator and queue directories ({@code directory}), the audit log ({@code audit}) and the guards
 * for outside text ({@code text}). Core depends on slf4j-api and JSpecify only. Exceptions are immutable once
 * thrown and safe to pass between threads.
 */
@NullMarked
package ru.sipring.core;

import org.jspecify.annotations.NullMarked;
