/**
 * Who is who: operator and queue directories that turn the queue_log's agent and queue columns into the
 * numbers and names people know ({@link ru.sipring.core.directory.AgentDirectory},
 * {@link ru.sipring.core.directory.QueueDirectory}, with CSV-file implementations), and the SPIs of the
 * {@code *45} keypad login: PIN lookup ({@link ru.sipring.core.directory.OperatorAuthenticator}), the login log and
 * the ledger of wrong PINs. Implementations of every interface here must be thread-safe; the CSV directories are
 * immutable.
 */
@NullMarked
package ru.sipring.core.directory;

import org.jspecify.annotations.NullMarked;
