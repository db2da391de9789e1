/**
 * Who did what to the call centre: agents added or paused, PINs reset, cluster resources moved, faxes sent.
 * Hosts record an {@link ru.sipring.core.audit.AuditEntry} for every administrative action and show the
 * {@link ru.sipring.core.audit.AuditLog} to admins; the database adapter stores it next to the other tables.
 */
@NullMarked
package ru.sipring.core.audit;

import org.jspecify.annotations.NullMarked;
