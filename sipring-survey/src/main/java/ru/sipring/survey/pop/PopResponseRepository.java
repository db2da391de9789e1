package ru.sipring.survey.pop;

import java.time.Instant;
import java.util.List;

/**
 * Stores which screen-pop call, operator and client card each survey response belongs to. Implementations are
 * thread-safe: {@link InMemoryPopResponseRepository} and {@code ru.sipring.cdr.survey.pop.JdbiPopResponseRepository};
 * both pass {@code ru.sipring.testkit.contract.PopSurveysContract}. Lists come oldest first (finish time, then
 * response id).
 */
public interface PopResponseRepository {
  /**
   * Stores a link.
   *
   * @param link the response and its call, operator and card
   * @throws ru.sipring.core.RejectedException when a link for that response id exists
   */
  void save(PopResponse link);

  /**
   * The responses taken on one call.
   *
   * @param callId the PBX's call id
   * @return the links, oldest first
   */
  List<PopResponse> forCall(String callId);

  /**
   * The responses taken about one client card.
   *
   * @param clientCardId the card's id
   * @return the links, oldest first
   */
  List<PopResponse> forClientCard(String clientCardId);

  /**
   * The responses one operator took in {@code [from, to)}.
   *
   * @param operator the operator
   * @param from first finish time included
   * @param to first finish time excluded
   * @return the links, oldest first
   */
  List<PopResponse> forOperator(String operator, Instant from, Instant to);
}
