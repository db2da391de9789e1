package ru.sipring.spring;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import ru.sipring.core.admin.PanelUserStore;
import ru.sipring.core.admin.QueueMemberActions;
import ru.sipring.core.audit.AuditLog;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.core.pbx.PbxGateway;

/**
 * What an administration panel needs: the {@link AuditLog} and the {@link PanelUserStore} (in memory when the
 * database side has not made them in SipRing's tables), and the audited {@link QueueMemberActions} of the
 * wallboard when there is a PBX gateway. Runs after the database and AMI configurations so their beans win.
 */
@AutoConfiguration(after = {SipRingDatabaseAutoConfiguration.class, SipRingAmiAutoConfiguration.class})
public class SipRingAdminAutoConfiguration {

  /**
   * An audit log in memory: entries are lost at restart, so a host that needs them keeps a database.
   *
   * @return the audit log
   */
  @Bean
  @ConditionalOnMissingBean(AuditLog.class)
  public AuditLog sipringAuditLog() {
    return AuditLog.inMemory();
  }

  /**
   * Panel users in memory (lost at restart) when there is no database.
   *
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean(PanelUserStore.class)
  public PanelUserStore sipringPanelUserStore() {
    return PanelUserStore.inMemory();
  }

  /**
   * Queue-member actions through the PBX gateway, named from the operator registry when there is one (it is an
   * {@link AgentDirectory} and the {@code *45} login log), each audited.
   *
   * @param pbx the PBX gateway
   * @param directories the operator registry or another agent directory, if any
   * @param loginLogs the login log, if any
   * @param audit the audit log
   * @param clocks the host's Clock, if any
   * @return the actions
   */
  @Bean
  @ConditionalOnBean(PbxGateway.class)
  @ConditionalOnMissingBean(QueueMemberActions.class)
  public QueueMemberActions sipringQueueMemberActions(PbxGateway pbx, ObjectProvider<AgentDirectory> directories,
      ObjectProvider<OperatorLoginLog> loginLogs, AuditLog audit, ObjectProvider<Clock> clocks) {
    return new QueueMemberActions(pbx, directories.getIfUnique(AgentDirectory::empty), loginLogs.getIfUnique(),
        audit, clocks.getIfAvailable(Clock::systemUTC));
  }
}
