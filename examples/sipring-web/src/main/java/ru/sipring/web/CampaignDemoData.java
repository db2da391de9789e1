package ru.sipring.web;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.DncRepository;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.Task;
import ru.sipring.spring.SipRingProperties;

/**
 * Campaign admin in the demo ({@code sipring.web.demo=true}): one project, task and assignment with 50 made-up
 * clients (invented names, numbers {@code 8 (916) 000-xx-xx} that belong to nobody) and one number on the
 * assignment's DNC list, so the campaign screens have something to show. Seeded only into a store without projects,
 * so a demo pointed at a real database never gets toy data mixed in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sipring.web", name = "demo", havingValue = "true")
class CampaignDemoData {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignDemoData.class);
  private static final String[] LAST = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
      "Михайлов", "Новиков", "Фёдоров"};
  private static final String[] FIRST = {"Алексей", "Борис", "Виктор", "Григорий", "Дмитрий"};
  private static final String[] CITY = {"Москва", "Тверь", "Клин", "Подольск", "Химки"};

  @Bean
  ApplicationRunner sipringCampaignDemoData(CampaignStore store, SipRingProperties sipring) {
    return args -> {
      if (!store.campaigns().projects().isEmpty()) {
        return;
      }
      Project p = store.campaigns().createProject("Демо: привлечение клиентов");
      Task t = store.campaigns().createTask(p.id(), "Мелкооптовая торговля");
      Assignment a = store.campaigns().createAssignment(t.id(), "Поиск магазинов", new AssignmentSettings(
          CallWindow.daily(sipring.zoneOrDefault(), LocalTime.of(9, 0), LocalTime.of(21, 0)),
          RetryPolicy.guide(2, Duration.ofMinutes(30)), DncScope.ASSIGNMENT));
      List<Contact> clients = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String phone = String.format("8 (916) 000-%02d-%02d", 10 + i / 10, i % 100);
        clients.add(Contact.of(a.id(), phone, Map.of(
            ContactField.FULL_NAME, LAST[i % LAST.length] + " " + FIRST[(i / LAST.length) % FIRST.length],
            ContactField.CITY, CITY[i % CITY.length],
            ContactField.COMPANY, "ООО «Демо " + (i + 1) + "»"), Map.of()));
      }
      store.contacts().insertAll(a.id(), clients);
      store.dnc().add(DncRepository.assignmentKey(a.id()), "79160001009");
      LOG.info("demo: campaign '{}' with {} made-up clients", p.name(), clients.size());
    };
  }
}
