package ru.sipring.spring;

import java.time.ZoneId;
import ru.sipring.core.queuelog.QueueLogInput;

/**
 * Where the inbound reports read the queue_log: files or a database table. A host may define its own bean of
 * this type (a live AMI-fed log, several PBXes); the starter then backs off. Implementations are thread-safe.
 */
public interface QueueLogProvider {

  /**
   * A fresh input over the whole log.
   *
   * @param zone the report's zone (a table keeps local DATETIMEs in it)
   * @return the input; reading it reads the log
   */
  QueueLogInput input(ZoneId zone);

  /**
   * What is read, for people and health pages: paths or {@code table queue_log}. Never a password.
   *
   * @return one line
   */
  String description();
}
