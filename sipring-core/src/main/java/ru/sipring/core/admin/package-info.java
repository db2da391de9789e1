/**
 * What an administration panel does, kept out of any web framework: its stored users ({@link
 * ru.sipring.core.admin.PanelUsers}, with a {@link ru.sipring.core.admin.PasswordPolicy} and a {@link
 * ru.sipring.core.admin.PanelUserStore}) and the queue-member actions of a wallboard ({@link
 * ru.sipring.core.admin.QueueMemberActions}). Every change is recorded in the {@link ru.sipring.core.audit.AuditLog}
 * with who did it.
 */
@NullMarked
package ru.sipring.core.admin;

import org.jspecify.annotations.NullMarked;
