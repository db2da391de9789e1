/**
 * Asterisk/FreePBX databases: the CDR and queue_log tables, operators and their PINs, recordings, SipRing's own
 * schema (Flyway migrations) and the pooled or embedded {@link javax.sql.DataSource} the stores use.
 */
@NullMarked
package ru.sipring.cdr;

import org.jspecify.annotations.NullMarked;
