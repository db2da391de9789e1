/**
 * The administration panel's stores in SipRing's database: the {@link ru.sipring.cdr.admin.JdbiAuditLog audit
 * log}, the {@link ru.sipring.cdr.admin.JdbiPanelUserStore panel users}, and {@link
 * ru.sipring.cdr.admin.OperatorAdmin}, the operator registry's edits with an audit entry each. Tables are created by
 * {@link ru.sipring.cdr.SipRingSchema#migrate} (migration V3).
 */
@NullMarked
package ru.sipring.cdr.admin;

import org.jspecify.annotations.NullMarked;
