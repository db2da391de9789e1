/**
 * The CDR rows the fake PBX writes when a call ends, as Asterisk's {@code cdr_mysql} / {@code cdr_adaptive_odbc}
 * write them into FreePBX's {@code cdr} table: a {@link ru.sipring.testkit.cdr.CdrRow} per call, handed to a
 * {@link ru.sipring.testkit.cdr.CdrSink} (a JDBC insert with FreePBX's columns, or a list in memory). The testkit
 * does not depend on sipring-cdr; the columns are FreePBX's, so sipring-cdr's readers see these rows as a real
 * PBX's.
 */
@NullMarked
package ru.sipring.testkit.cdr;

import org.jspecify.annotations.NullMarked;
