package ru.sipring.web;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.cdr.survey.pop.JdbiPopResponseRepository;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.InMemoryPopResponseRepository;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.survey.pop.PopSurveys;

/**
 * Operator workspace: the screen pop's survey runs, until the starter has its own survey auto-configuration
 * (another branch adds {@code SipRingSurveyAutoConfiguration}; drop this class when it provides these beans).
 * The links of answers to call, operator and card go to SipRing's tables of the DataSource when there is one,
 * else to memory.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSurveyConfiguration {
  @Bean
  @ConditionalOnMissingBean
  PopResponseRepository workspacePopResponses(ObjectProvider<DataSource> dataSources) {
    DataSource ds = dataSources.getIfAvailable();
    return ds == null ? new InMemoryPopResponseRepository() : JdbiPopResponseRepository.migrateAndOpen(ds);
  }

  @Bean
  @ConditionalOnMissingBean
  PopSurveys workspacePopSurveys(SurveyService surveys, PopResponseRepository links) {
    return new PopSurveys(surveys, links, Clock.systemUTC());
  }
}
