package ru.sipring.spring;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.cdr.survey.JdbiQueueAssignmentRepository;
import ru.sipring.cdr.survey.JdbiResponseRepository;
import ru.sipring.cdr.survey.JdbiScenarioRepository;
import ru.sipring.cdr.survey.pop.JdbiPopResponseRepository;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.InMemoryPopResponseRepository;
import ru.sipring.survey.pop.PopResponseRepository;
import ru.sipring.survey.pop.PopSurveys;

/**
 * The surveys (needs sipring-survey): a {@link SurveyService} on SipRing's survey tables when there is a DataSource
 * and sipring-cdr (after the schema is ready, {@link SipRingSchemaReady}), in memory otherwise or with
 * {@code sipring.survey.store=memory}; the screen-pop link store ({@link PopResponseRepository}) chosen the same
 * way; and {@link PopSurveys}, which a host's screen pop uses so that answers are kept with the call, the operator
 * and the client card. The panel's survey pages and API and the pop share the one service, so the results include
 * the answers taken on pops. Every bean backs off when the host defines its own. Stateless: Spring calls its bean
 * methods while the context starts; the beans it makes are thread-safe.
 */
@AutoConfiguration(after = SipRingDatabaseAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(SurveyService.class)
@EnableConfigurationProperties(SipRingProperties.class)
public class SipRingSurveyAutoConfiguration {

  /**
   * Surveys in SipRing's tables ({@code sipring_survey_*}, {@code sipring_survey_pop}) of the DataSource. A member
   * class, so Spring registers its beans before the in-memory ones of the outer class, which then back off.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({JdbiScenarioRepository.class, JdbiPopResponseRepository.class})
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnExpression("!'${sipring.survey.store:auto}'.equalsIgnoreCase('memory')")
  static class Database {
    @Bean
    @ConditionalOnMissingBean(SurveyService.class)
    SurveyService sipringSurveyService(DataSource dataSource, ObjectProvider<Clock> clocks,
        SipRingSchemaReady schema) {
      Clock clock = clocks.getIfAvailable(Clock::systemUTC);
      return SurveyService.of(JdbiScenarioRepository.of(dataSource, clock),
          JdbiQueueAssignmentRepository.of(dataSource), JdbiResponseRepository.of(dataSource), clock);
    }

    @Bean
    @ConditionalOnMissingBean(PopResponseRepository.class)
    PopResponseRepository sipringPopResponses(DataSource dataSource, SipRingSchemaReady schema) {
      return JdbiPopResponseRepository.of(dataSource);
    }
  }

  /**
   * Surveys in memory: drafts, versions, bindings and responses live until the application stops.
   *
   * @param props the properties ({@code sipring.survey.store=database} without a database is refused)
   * @param clocks the host's Clock, if any
   * @return the service
   * @throws IllegalStateException when {@code sipring.survey.store=database} but there is no DataSource
   */
  @Bean
  @ConditionalOnMissingBean(SurveyService.class)
  public SurveyService sipringSurveyService(SipRingProperties props, ObjectProvider<Clock> clocks) {
    requireNoDatabaseAsked(props);
    return SurveyService.inMemory(clocks.getIfAvailable(Clock::systemUTC));
  }

  /**
   * Screen-pop links in memory (lost at restart).
   *
   * @param props the properties ({@code sipring.survey.store=database} without a database is refused)
   * @return the link store
   * @throws IllegalStateException when {@code sipring.survey.store=database} but there is no DataSource
   */
  @Bean
  @ConditionalOnMissingBean(PopResponseRepository.class)
  public PopResponseRepository sipringPopResponses(SipRingProperties props) {
    requireNoDatabaseAsked(props);
    return new InMemoryPopResponseRepository();
  }

  /**
   * Surveys started from a screen pop, their answers stored in the survey service's responses (so they count in
   * the results) and linked to the call, the operator and the client card.
   *
   * @param surveys the survey service
   * @param links where the links go
   * @param clocks the host's Clock, if any
   * @return the pop surveys
   */
  @Bean
  @ConditionalOnMissingBean(PopSurveys.class)
  public PopSurveys sipringPopSurveys(SurveyService surveys, PopResponseRepository links,
      ObjectProvider<Clock> clocks) {
    return new PopSurveys(surveys, links, clocks.getIfAvailable(Clock::systemUTC));
  }

  private static void requireNoDatabaseAsked(SipRingProperties props) {
    if (props.survey().store() == SipRingProperties.SurveyStore.DATABASE) {
      throw new IllegalStateException("sipring.survey.store=database, but there is no DataSource"
          + " (set sipring.database.url or spring.datasource.url) or sipring-cdr is not on the class path");
    }
  }
}
