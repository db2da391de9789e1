package ru.sipring.cdr.reconcile;

/**
 * What one reconciliation run did. Immutable.
 *
 * @param cdrRows CDR rows read
 * @param attempts finished call attempts looked at
 * @param byUniqueId attempts matched by the channel's uniqueid or linkedid
 * @param byNumber attempts matched by number and time (no uniqueid, or none of the rows carried it)
 * @param updated attempts whose billsec, disposition, duration or recording changed (0 when run again)
 * @param unmatched attempts no CDR row was found for
 */
public record ReconcileResult(long cdrRows, int attempts, int byUniqueId, int byNumber, int updated, int unmatched) {
  /**
   * The sum of two runs (the slices of a catch-up).
   *
   * @param o the other run
   * @return both together
   */
  public ReconcileResult plus(ReconcileResult o) {
    return new ReconcileResult(cdrRows + o.cdrRows, attempts + o.attempts, byUniqueId + o.byUniqueId,
        byNumber + o.byNumber, updated + o.updated, unmatched + o.unmatched);
  }
}
