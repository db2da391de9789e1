package ru.sipring.spring;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.pbx.QueueCallEvents;
import ru.sipring.survey.ScreenPopWiring;
import ru.sipring.survey.SurveyService;
import ru.sipring.survey.pop.PopSurveys;

/**
 * The operators' screen pops (needs sipring-survey and sipring-campaign): a {@link ScreenPopDesk} listening to the
 * host's {@link QueueCallEvents} (the AMI gateway), with the client base of the {@link CampaignStore} as its phone
 * index and the surveys of {@link SipRingSurveyAutoConfiguration}. Whose pop it is comes from the host's
 * {@link AgentDirectory} bean when there is one, else from the operator registry (sipring-cdr) when there is
 * one, else the queue member's name or interface stands for the operator. The desk backs off when the host
 * defines its own and stops when the context closes. Stateless: Spring calls its bean method while the context
 * starts.
 */
@AutoConfiguration(after = {SipRingDatabaseAutoConfiguration.class, SipRingAmiAutoConfiguration.class,
    SipRingCampaignAutoConfiguration.class, SipRingSurveyAutoConfiguration.class})
@ConditionalOnClass({ScreenPopWiring.class, CampaignStore.class})
@EnableConfigurationProperties(ScreenPopProperties.class)
public class SipRingScreenPopAutoConfiguration {
  private static final boolean REGISTRY_PRESENT = ClassUtils.isPresent("ru.sipring.cdr.OperatorRegistry",
      SipRingScreenPopAutoConfiguration.class.getClassLoader());

  /** Made by Spring. */
  public SipRingScreenPopAutoConfiguration() {
  }

  /**
   * The screen-pop desk on the host's call events.
   *
   * @param surveyService the surveys
   * @param surveys the pop surveys (answers linked to the call, operator and card)
   * @param store the campaign store (the client base)
   * @param events the call events
   * @param directories the host's agent directory, if any
   * @param beans where the operator registry ({@link OperatorRegistry}, sipring-cdr) is looked up at each pop
   * @param props the properties ({@code sipring.screen-pop.card-refresh})
   * @param clocks the host's Clock, if any
   * @return the running desk, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnBean({QueueCallEvents.class, SurveyService.class, PopSurveys.class, CampaignStore.class})
  @ConditionalOnMissingBean
  public ScreenPopDesk sipringScreenPopDesk(SurveyService surveyService, PopSurveys surveys, CampaignStore store,
      QueueCallEvents events, ObjectProvider<AgentDirectory> directories, BeanFactory beans,
      ScreenPopProperties props, ObjectProvider<Clock> clocks) {
    AgentDirectory own = directories.getIfUnique();
    AgentDirectory operators = own != null ? own
        : REGISTRY_PRESENT ? Registry.directory(beans) : AgentDirectory.empty();
    return ScreenPopDesk.start(surveyService, surveys, store, operators, events, props.cardRefresh(),
        clocks.getIfAvailable(Clock::systemUTC));
  }

  /** Touches sipring-cdr's classes only when they are on the class path. */
  private static final class Registry {
    private Registry() {
    }

    /** The registry's operators, looked up at each pop (operators are added while the application runs). */
    static AgentDirectory directory(BeanFactory beans) {
      ObjectProvider<OperatorRegistry> registries = beans.getBeanProvider(OperatorRegistry.class);
      return agent -> {
        OperatorRegistry r = registries.getIfAvailable();
        return r == null ? Optional.empty() : r.directorySnapshot().operatorOf(agent);
      };
    }
  }
}
