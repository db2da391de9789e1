package ru.sipring.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the guide's client card (section 8), with their Russian labels and the column names other
 * systems export them under (VICIdial, Bitrix24, ASTPP), which CSV import maps automatically. The phone is a
 * field too; its normalised form is kept beside the original on {@link Contact}. Immutable and thread-safe.
 */
public enum ContactField {
  /** The client organisation's name (Название клиента). */
  CLIENT_NAME("client_name", "Название клиента", "title", "название компании", "company name", "наименование"),
  /** The enterprise the contact works at (Предприятие). */
  COMPANY("company", "Предприятие", "организация", "компания"),
  /** The contact person's full name (ФИО), the name operators and reports show. */
  FULL_NAME("full_name", "ФИО", "фио", "full name", "name_full", "контакт"),
  /** The contact's surname (Фамилия). */
  LAST_NAME("last_name", "Фамилия", "last name", "surname"),
  /** The contact's given name (Имя). */
  FIRST_NAME("first_name", "Имя", "first name", "name"),
  /** The contact's patronymic (Отчество). */
  PATRONYMIC("patronymic", "Отчество", "middle", "middle name", "middle_initial", "second_name"),
  /** The contact's job title (Должность). */
  POSITION("position", "Должность", "post", "job title"),
  /** The contact's role in the deal (Функция). */
  FUNCTION("function", "Функция"),
  /**
   * The number to call as written in the base (Номер телефона); the normal form is
   * {@link Contact#phoneNormalized()}.
   */
  PHONE("phone", "Номер телефона", "phone_number", "телефон", "рабочий телефон", "phone_work", "mobile",
      "мобильный телефон", "phone_mobile", "tel", "number", "номер"),
  /** The work e-mail address. */
  EMAIL("email", "e-mail", "e-mail", "рабочий e-mail", "email_work", "почта"),
  /** A second (private) e-mail address. */
  EMAIL_1("email_1", "e-mail 1", "частный e-mail", "email_home"),
  /** Another e-mail address. */
  EMAIL_2("email_2", "e-mail 2", "другой e-mail", "email_other"),
  /** The postal or office address (Адрес). */
  ADDRESS("address", "Адрес", "address1", "фактический адрес", "юридический адрес"),
  /** The city (Город). */
  CITY("city", "Город"),
  /** The web site (Сайт). */
  SITE("site", "Сайт", "web", "web_work", "корпоративный сайт", "website"),
  /** The mailing lists the client subscribed to (Подписки). */
  SUBSCRIPTIONS("subscriptions", "Подписки"),
  /** The guide's "Реплон" column, kept as given. */
  REPLON("replon", "Реплон"),
  /** Who recorded the last CRM event (Событие автор). */
  EVENT_AUTHOR("event_author", "Событие автор"),
  /** When the last CRM event happened (Событие дата), as written in the base. */
  EVENT_DATE("event_date", "Событие дата"),
  /** The subject of the last CRM event (Событие тема). */
  EVENT_SUBJECT("event_subject", "Событие тема"),
  /** The answer recorded for the last CRM event (Событие ответ). */
  EVENT_ANSWER("event_answer", "Событие ответ"),
  /** The name of the CRM task the call belongs to (Задача название). */
  TASK_NAME("task_name", "Задача название"),
  /** The number of employees of the client (Количество сотрудников). */
  EMPLOYEES("employees", "Количество сотрудников", "кол-во сотрудников"),
  /** When the CRM task was created (Задача дата создания), as written in the base. */
  TASK_CREATED("task_created", "Задача дата создания"),
  /** When the CRM task is due (Задача дата завершения), as written in the base. */
  TASK_DUE("task_due", "Задача дата завершения"),
  /** The main free-text note (Примечание). */
  NOTE("note", "Примечание", "comments", "comment", "комментарий"),
  /** Free-text note 1 (Примечание 1). */
  NOTE_1("note_1", "Примечание 1"),
  /** Free-text note 2 (Примечание 2). */
  NOTE_2("note_2", "Примечание 2"),
  /** Free-text note 3 (Примечание 3). */
  NOTE_3("note_3", "Примечание 3"),
  /** Free-text note 4 (Примечание 4). */
  NOTE_4("note_4", "Примечание 4"),
  /** The counterparty's id in the CRM (ID КА), reported back in report 2. */
  COUNTERPARTY_ID("counterparty_id", "ID КА"),
  /** The contact person's id in the CRM (ID КП), reported back in report 2. */
  CONTACT_PERSON_ID("contact_person_id", "ID КП"),
  /** The CRM event id (ID события), reported back in report 2. */
  EVENT_ID("event_id", "ID события"),
  /** The CRM task id (ID задачи), reported back in report 2. */
  TASK_ID("task_id", "ID задачи"),
  /** The card's id in the system the base came from (Внешний код); a card may be matched by it instead of the phone. */
  EXTERNAL_ID("external_id", "Внешний код", "vendor_lead_code", "account", "id"),
  /**
   * The client's own time zone (Часовой пояс), an IANA id such as {@code Asia/Omsk}; the call window is applied
   * in it.
   */
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

  /**
   * The machine name used in JSON, CSV exports and mappings.
   *
   * @return such as {@code full_name}
   */
  public String key() {
    return key;
  }

  /**
   * The card's Russian label.
   *
   * @return such as {@code ФИО}
   */
  public String label() {
    return label;
  }

  /**
   * The field a column header names: its key, label or a known alias, case and spacing ignored.
   *
   * @param header a CSV column header
   * @return the field, or null when the header names none
   */
  public static @Nullable ContactField byHeader(String header) {
    return BY_NAME.get(key(header));
  }

  private static String key(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s_\\-]+", " ");
  }
}
