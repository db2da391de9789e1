package ru.sipring.core.report;

/** Why a stint was lost: the terminal queue_log event. */
public enum LostCause {
  ABANDON,
  EXITWITHTIMEOUT,
  EXITWITHKEY,
  EXITEMPTY,
  WITHDRAW,
  SYSCOMPAT
}
