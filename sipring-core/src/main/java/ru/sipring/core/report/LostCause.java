package ru.sipring.core.report;

/** Why a stint was lost: the terminal queue_log event. */
public enum LostCause {
  /** The caller hung up while waiting. */
  ABANDON,
  /** The queue's timeout ran out. */
  EXITWITHTIMEOUT,
  /** The caller pressed a key to leave the queue. */
  EXITWITHKEY,
  /** The queue had no members (or none available) and the caller was sent out. */
  EXITEMPTY,
  /** The caller was withdrawn by an AMI QueueWithdrawCaller. */
  WITHDRAW,
  /** The call was lost in a channel masquerade (SYSCOMPAT): answered but never bridged. */
  SYSCOMPAT
}
