package ru.sipring.spring;

import java.time.ZoneId;
import javax.sql.DataSource;
import ru.sipring.cdr.QueueLogTableSource;
import ru.sipring.core.queuelog.QueueLogInput;

/** The sipring-cdr classes the inbound configuration touches, kept here so they load only when used. */
final class DatabaseGlue {
  private DatabaseGlue() {
  }

  static QueueLogProvider queueLogTable(DataSource ds, String table) {
    return new QueueLogProvider() {
      @Override
      public QueueLogInput input(ZoneId zone) {
        return QueueLogInput.source(QueueLogTableSource.builder(ds).table(table).zone(zone).build());
      }

      @Override
      public String description() {
        return "table " + table;
      }
    };
  }
}
