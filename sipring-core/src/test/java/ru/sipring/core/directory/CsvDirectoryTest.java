package ru.sipring.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;

class CsvDirectoryTest {
  @TempDir Path dir;

  Path file(String text) throws IOException {
    Path p = dir.resolve("f.csv");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void agentsWithBomQuotesAndCrlf() throws IOException {
    CsvAgentDirectory d = CsvAgentDirectory.load(file("\uFEFFagent,number,name\r\n"
        + "SIP/501,501,Петрова ЛВ\r\n"
        + "\"Local/501@from-queue/n\",501,\"Петрова, \"\"Люда\"\"\"\r\n"
        + "\"JASON SMITH\",502,\"Smith, Jason\"\r\n\r\n"));
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.operatorOf("SIP/501")).contains(new Operator("501", "Петрова ЛВ"));
    assertThat(d.operatorOf("Local/501@from-queue/n")).contains(new Operator("501", "Петрова, \"Люда\""));
    assertThat(d.operatorOf("JASON SMITH")).contains(new Operator("502", "Smith, Jason"));
    assertThat(d.operatorOf("SIP/999")).isEmpty();
  }

  @Test
  void aNameWithALineBreakOrAnEscapeIsRefusedNamingFileLineAndField() throws IOException {
    // a quoted CSV cell may hold a line break; an operator name may not (it forges log lines and AMI headers)
    Path twoLines = file("agent,number,name\nSIP/501,501,ok\n\"JASON SMITH\",502,\"two\nlines\"\n");
    assertThatThrownBy(() -> CsvAgentDirectory.load(twoLines)).isInstanceOf(BadInputException.class)
        .hasMessage(twoLines + ":3:name: contains the control character \\n at position 4; refused, because it "
            + "could end the protocol line and start another command");
    assertThatThrownBy(() -> CsvAgentDirectory.load(file("agent,number,name\nSIP/1\u001b[2J,1,A\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining(":2:agent: contains the control character \\x1b");
  }

  @Test
  void badRowsNameFileLineAndField() throws IOException {
    assertThatThrownBy(() -> CsvAgentDirectory.load(file("agent,number,name\nSIP/1,1,A\nSIP/2,2\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("f.csv:3").hasMessageContaining("found 2");
    assertThatThrownBy(() -> CsvAgentDirectory.load(file("agent,number,name\n,1,A\n")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("f.csv:2:agent");
    assertThatThrownBy(() -> CsvAgentDirectory.load(file("agent,number,name\nSIP/1,1,A\nSIP/1,2,B\n")))
        .hasMessageContaining("f.csv:3:agent").hasMessageContaining("twice");
    assertThatThrownBy(() -> CsvQueueDirectory.load(file("queue,title\n6000,x\n")))
        .hasMessageContaining("f.csv:1").hasMessageContaining("header must be queue,name");
    assertThatThrownBy(() -> CsvQueueDirectory.load(file("queue,name\n6000,\"open\n")))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> CsvQueueDirectory.load(file("queue,name\n60\"00,x\n")))
        .hasMessageContaining("f.csv:2:1");
  }

  @Test
  void queues() throws IOException {
    CsvQueueDirectory d = CsvQueueDirectory.load(file("queue,name\n6000,Отдел продаж\n6001,\"Поддержка\"\n"));
    assertThat(d.nameOf("6000")).contains("Отдел продаж");
    assertThat(d.nameOf("6001")).contains("Поддержка");
    assertThat(d.nameOf("7")).isEmpty();
  }
}
