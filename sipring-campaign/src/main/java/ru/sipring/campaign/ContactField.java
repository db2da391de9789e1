package ru.sipring.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the guide's client card (section 8), with their Russian labels and the column names other
 * systems export them under (VICIdial, Bitrix24, ASTPP), which CSV import maps automatically. The phone is a
 * field too; its normalised form is kept beside the original on {@link Contact}.
 */
public enum ContactField {
  CLIENT_NAME("client_name", "Название клиента", "title", "название компании", "company name", "наименование"),
  COMPANY("company", "Предприятие", "организация", "компания"),
  FULL_NAME("full_name", "ФИО", "фио", "full name", "name_full", "контакт"),
  LAST_NAME("last_name", "Фамилия", "last name", "surname"),
  FIRST_NAME("first_name", "Имя", "first name", "name"),
  PATRONYMIC("patronymic", "Отчество", "middle", "middle name", "middle_initial", "second_name"),
  POSITION("position", "Должность", "post", "job title"),
  FUNCTION("function", "Функция"),
  PHONE("phone", "Номер телефона", "phone_number", "телефон", "рабочий телефон", "phone_work", "mobile",
      "мобильный телефон", "phone_mobile", "tel", "number", "номер"),
  EMAIL("email", "e-mail", "e-mail", "рабочий e-mail", "email_work", "почта"),
  EMAIL_1("email_1", "e-mail 1", "частный e-mail", "email_home"),
  EMAIL_2("email_2", "e-mail 2", "другой e-mail", "email_other"),
  ADDRESS("address", "Адрес", "address1", "фактический адрес", "юридический адрес"),
  CITY("city", "Город"),
  SITE("site", "Сайт", "web", "web_work", "корпоративный сайт", "website"),
  SUBSCRIPTIONS("subscriptions", "Подписки"),
  REPLON("replon", "Реплон"),
  EVENT_AUTHOR("event_author", "Событие автор"),
  EVENT_DATE("event_date", "Событие дата"),
  EVENT_SUBJECT("event_subject", "Событие тема"),
  EVENT_ANSWER("event_answer", "Событие ответ"),
  TASK_NAME("task_name", "Задача название"),
  EMPLOYEES("employees", "Количество сотрудников", "кол-во сотрудников"),
  TASK_CREATED("task_created", "Задача дата создания"),
  TASK_DUE("task_due", "Задача дата завершения"),
  NOTE("note", "Примечание", "comments", "comment", "комментарий"),
  NOTE_1("note_1", "Примечание 1"),
  NOTE_2("note_2", "Примечание 2"),
  NOTE_3("note_3", "Примечание 3"),
  NOTE_4("note_4", "Примечание 4"),
  COUNTERPARTY_ID("counterparty_id", "ID КА"),
  CONTACT_PERSON_ID("contact_person_id", "ID КП"),
  EVENT_ID("event_id", "ID события"),
  TASK_ID("task_id", "ID задачи"),
  EXTERNAL_ID("external_id", "Внешний код", "vendor_lead_code", "account", "id"),
  TIME_ZONE("time_zone", "Часовой пояс", "timezone", "tz");

  private static final Map<String, ContactField> BY_NAME = new HashMap<>();

  static {
    for (ContactField f : values()) {
      BY_NAME.put(key(f.key), f);
      BY_NAME.put(key(f.label), f);
      BY_NAME.put(key(f.name()), f);
    }
    for (ContactField f : values()) {
      for (String a : f.aliases) {
        BY_NAME.putIfAbsent(key(a), f);
      }
    }
  }

  private final String key;
  private final String label;
  private final List<String> aliases;

  ContactField(String key, String label, String... aliases) {
    this.key = key;
    this.label = label;
    this.aliases = List.of(aliases);
  }

  /** The machine name used in JSON, CSV exports and mappings ({@code full_name}). */
  public String key() {
    return key;
  }

  /** The card's Russian label ({@code ФИО}). */
  public String label() {
    return label;
  }

  /** The field a column header names (key, label or a known alias, case and spacing ignored), or null. */
  public static @Nullable ContactField byHeader(String header) {
    return BY_NAME.get(key(header));
  }

  private static String key(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s_\\-]+", " ");
  }
}
