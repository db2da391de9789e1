package ru.sipring.survey;

/**
 * Receives a {@link ScreenPop} when an operator is connected to a caller. Called on the thread that reported
 * the connection to {@link ScreenPops#agentConnected} (with the AMI adapter: its event thread), so it must
 * return quickly — hand the pop to the UI's own thread.
 */
@FunctionalInterface
public interface ScreenPopListener {
  /**
   * An operator was connected to a caller.
   *
   * @param pop the caller's card and the survey for the call
   */
  void onScreenPop(ScreenPop pop);
}
