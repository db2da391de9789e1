package ru.sipring.core.admin;

/** The roles of an administration panel's users. */
public enum PanelRole {
  /** everything: users, the operator registry, the audit log, reports, queue members */
  ADMIN,
  /** reports, the live wallboard and its queue-member actions (add, remove, pause) */
  SUPERVISOR,
  /** the live wallboard only; an operator of the registry */
  OPERATOR
}
