package ru.sipring.core.report.render;

import java.util.HashMap;
import java.util.Map;

/** The words of the guide's screens (section 7) in Russian, and their English counterparts. */
final class Labels {
  private static final Map<String, String[]> TEXT = new HashMap<>();

  static {
    l("report.title", "Отчёт по входящим вызовам", "Inbound call report");
    l("view.queue", "по очередям", "per queue");
    l("view.caller", "по звонящим", "per caller");
    l("section.summary", "Итоги", "Summary");
    l("section.answered", "Принятые вызовы", "Answered calls");
    l("section.lost", "Потерянные вызовы", "Lost calls");
    l("section.operators", "Операторы - принятые вызовы", "Operators - answered calls");
    l("section.queues", "Очереди - принятые вызовы", "Queues - answered calls");
    l("section.completion", "Операторы - завершение вызова", "Operators - call completion");
    l("section.serviceLevel", "Уровень обслуживания", "Service level");
    l("section.periods", "Статистика за период", "Statistics by period");
    l("section.agents", "Аналитика по агентам", "Agent analytics");
    l("section.problems", "Ошибки во входных данных", "Input problems");

    l("sum.answered", "Принято", "Answered");
    l("sum.lost", "Потеряно", "Lost");
    l("sum.unfinished", "Не завершено", "Unfinished");
    l("sum.shortAbandons", "Из них коротких сбросов", "Of them short abandons");
    l("sum.maxPosition", "Max очередь", "Max queue");
    l("sum.answeredPercent", "Принято, %", "Answered, %");
    l("sum.talkTotal", "Общее время разговора", "Total talk time");
    l("sum.talkAvg", "Среднее время разговора", "Average talk time");
    l("sum.talkMin", "min время разговора", "Min talk time");
    l("sum.talkMax", "max время разговора", "Max talk time");
    l("sum.waitTotal", "Общее время ожидания", "Total wait time");
    l("sum.waitAvg", "Среднее время ожидания", "Average wait time");
    l("sum.waitMin", "min время ожидания", "Min wait time");
    l("sum.waitMax", "max время ожидания", "Max wait time");
    l("sum.lostTitle", "Потеряно", "Lost");
    l("sum.from", "С", "From");
    l("sum.to", "По", "To");
    l("sum.zone", "Часовой пояс", "Time zone");
    l("sum.queues", "Очереди", "Queues");
    l("sum.agents", "Операторы", "Agents");
    l("sum.callers", "Абоненты", "Callers");
    l("sum.open", "—", "—");

    l("col.queueNumber", "Номер", "Queue");
    l("col.queueName", "Очередь", "Queue name");
    l("col.agentNumber", "Номер", "Number");
    l("col.agentName", "Оператор", "Agent");
    l("col.date", "Дата", "Date");
    l("col.caller", "Абонент", "Caller");
    l("col.wait", "Ожидание", "Wait");
    l("col.talk", "Разговор", "Talk");
    l("col.position", "N", "Pos");
    l("col.status", "Статус", "Status");
    l("col.firstQueue", "Первая очередь", "First queue");
    l("col.stints", "Очередей", "Stints");
    l("col.answered", "Принято", "Answered");
    l("col.lost", "Потеряно", "Lost");
    l("col.waitTotal", "Время ожидания", "Wait time");
    l("col.talkTotal", "Время разговора", "Talk time");
    l("col.lostWaitTotal", "Ожидание потерянных", "Lost wait time");
    l("col.endedByCaller", "Завершил абонент", "Ended by caller");
    l("col.endedByAgent", "Завершил оператор", "Ended by agent");
    l("col.transferred", "Переведен", "Transferred");
    l("col.percent", "%", "%");
    l("col.waitSeconds", "Ожидание (сек)", "Wait (s)");
    l("col.calls", "Вызовы", "Calls");
    l("col.threshold", "Порог (сек)", "Threshold (s)");
    l("col.answeredWithin", "Принято в пределах", "Answered within");
    l("col.serviceLevel", "Уровень обслуживания, %", "Service level, %");
    l("col.serviceLevelOfAnswered", "% от принятых (Asterisk)", "% of answered (Asterisk)");
    l("col.period", "Период", "Period");
    l("col.offered", "Всего", "Offered");
    l("col.avgWait", "Сред.ожд", "Avg wait");
    l("col.avgTalk", "Сред.разг", "Avg talk");
    l("col.transfer", "Перевод", "Transferred");
    l("col.missed", "Пропущено", "Missed");
    l("col.loggedIn", "В системе", "Logged in");
    l("col.paused", "Пауза", "Paused");
    l("col.work", "Время работы", "Work time");
    l("col.perHour", "Вызовов в час", "Calls per hour");
    l("col.reason", "Причина", "Reason");
    l("col.time", "Время", "Time");
    l("col.where", "Где", "Where");
    l("col.problem", "Ошибка", "Problem");
    l("col.kind", "Вид", "Kind");
    l("col.count", "Количество", "Count");

    l("sl.answeredTitle", "Уровень обслуживания - принятые вызовы", "Service level - answered calls");
    l("sl.lostTitle", "Потерянные вызовы", "Lost calls");
    l("sl.thresholdTitle", "Уровень обслуживания по порогам", "Service level by threshold");
    l("sl.overflow", "более", "over");
    l("sl.chartTitle", "Вызовы по времени ожидания (сек)", "Calls by wait time (s)");
    l("periods.unit.HOUR", "Час", "Hour");
    l("periods.unit.DAY", "День", "Day");
    l("periods.unit.MONTH", "Месяц", "Month");
    l("agents.pauseTitle", "Паузы по причинам", "Pauses by reason");
    l("agents.noReason", "(без причины)", "(no reason)");
    l("problems.total", "Всего строк с ошибками", "Lines with problems");
    l("problems.validLines", "Прочитано верных строк", "Valid lines read");
    l("problems.first", "Первые ошибки", "First problems");
    l("empty", "Нет данных", "No data");

    l("print.byQueue", "Принятые вызовы по очередям", "Answered calls by queue");
    l("print.byOperator", "Принятые вызовы по операторам", "Answered calls by operator");
    l("print.number", "№", "#");
    l("print.endedBy", "Завершил", "Ended by");
    l("print.total", "Итого:", "Total:");
    l("print.connections", "Соединений:", "Connections:");
    l("print.average", "Среднее время:", "Average:");
    l("print.minimum", "Минимум:", "Minimum:");
    l("print.maximum", "Максимум:", "Maximum:");
    l("print.sum", "Общее время:", "Total time:");
    l("print.stats", "Статистика принятых вызовов", "Answered call statistics");
    l("print.ended.CALLER", "Абонент", "Caller");
    l("print.ended.AGENT", "Оператор", "Agent");
    l("print.ended.TRANSFER", "Перевод", "Transfer");

    l("ended.CALLER", "Абон.", "Caller");
    l("ended.AGENT", "Опер.", "Agent");
    l("ended.TRANSFER", "Перевод", "Transfer");
    l("cause.ABANDON", "Сброс абонентом", "Abandoned");
    l("cause.EXITWITHTIMEOUT", "Тайм-аут", "Timeout");
    l("cause.EXITWITHKEY", "Выход по кнопке", "Exit by key");
    l("cause.EXITEMPTY", "Нет операторов", "No agents");
    l("cause.WITHDRAW", "Отозван", "Withdrawn");
    l("cause.SYSCOMPAT", "Несовместимость каналов", "Incompatible channels");
  }

  private static void l(String key, String ru, String en) {
    TEXT.put(key, new String[] {ru, en});
  }

  private final int index;

  Labels(ReportLanguage language) {
    this.index = language.ordinal();
  }

  /** "Отчёт по входящим вызовам — по звонящим": the title naming the view. */
  String title(ru.sipring.core.report.ReportView view) {
    return get("report.title") + " — " + get("view." + view.key());
  }

  String get(String key) {
    String[] t = TEXT.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no label " + key);
    }
    return t[index];
  }
}
