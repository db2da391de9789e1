/**
 * Fax (guide §10): a client of the HylaFAX server protocol ({@link ru.sipring.fax.HylaFaxClient}), the fax
 * centre a user sees with AvantFAX-style rights ({@link ru.sipring.fax.FaxCenter},
 * {@link ru.sipring.fax.FaxPermissions}), cover pages and text pages, and delivery of received faxes by
 * e-mail ({@link ru.sipring.fax.FaxDispatcher}, {@link ru.sipring.fax.FaxMailer}). Sender ids, names and
 * comments are outside text and are refused or escaped before they reach a protocol line. Each type states
 * its own thread-safety.
 */
@NullMarked
package ru.sipring.fax;

import org.jspecify.annotations.NullMarked;
