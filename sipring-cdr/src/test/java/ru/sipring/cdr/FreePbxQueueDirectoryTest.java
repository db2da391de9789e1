package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.sipring.core.directory.QueueDirectory;

class FreePbxQueueDirectoryTest {

  @Test
  void readsQueueNamesFromQueuesConfig() {
    try (TestDatabase db = TestDatabase.create("queues_config")) {
      // the first columns of FreePBX 13-17's asterisk.queues_config
      db.execute("CREATE TABLE queues_config (extension varchar(20) NOT NULL DEFAULT '', "
              + "descr varchar(35) NOT NULL DEFAULT '', grppre varchar(100) NOT NULL DEFAULT '', "
              + "alertinfo varchar(254) NOT NULL DEFAULT '', ringing tinyint(1) NOT NULL DEFAULT 0, "
              + "maxwait varchar(8) NOT NULL DEFAULT '', password varchar(20) NOT NULL DEFAULT '', "
              + "PRIMARY KEY (extension)) DEFAULT CHARSET=utf8mb4",
          "INSERT INTO queues_config (extension, descr) VALUES ('6000', 'Отдел продаж'), ('6001', ' Support '), "
              + "('6002', '')");

      QueueDirectory queues = FreePbxQueueDirectory.load(db.dataSource());

      assertThat(queues.nameOf("6000")).contains("Отдел продаж");
      assertThat(queues.nameOf("6001")).contains("Support");
      assertThat(queues.nameOf("6002")).isEmpty();
      assertThat(queues.nameOf("7000")).isEmpty();
    }
  }
}
