package ru.otklik.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The summary as tables with Russian headings: the one layout of the page, the XLSX workbook (a sheet per
 * table) and the CSV file (a row per cell), so the three always show the same figures.
 */
final class SummaryTables {

    /** A table; a cell is a String, a Long, a Double share (0…1, shown as per cent) or null. */
    record Table(String sheet, String title, List<String> headers, List<List<Object>> rows) {
    }

    /** A number of seconds of working time: a Long in a cell that reads as hours. */
    record Hours(long seconds) {
        double hours() {
            return seconds / 3600.0;
        }
    }

    private SummaryTables() {
    }

    static List<Table> of(Summary s) {
        List<Table> tables = new ArrayList<>();
        List<String> scopes = new ArrayList<>(List.of("Организация"));
        List<Summary.Figures> figures = new ArrayList<>(List.of(s.total()));
        for (Summary.Department d : s.departments()) {
            scopes.add(d.name());
            figures.add(d.figures());
        }
        List<String> headers = new ArrayList<>(List.of("Показатель"));
        headers.addAll(scopes);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Сообщений обнаружено", figures, f -> f.messages()));
        rows.add(row("Ответов размещено", figures, f -> f.answered()));
        rows.add(row("Возвратов как не относящихся к компетенции (MSG-9)", figures, f -> f.returns()));
        rows.add(row("Сообщений, возвращённых отделами (MSG-9)", figures, f -> f.returnedMessages()));
        rows.add(row("Возвратов проектов на доработку (MSG-15)", figures, f -> f.reworks()));
        rows.add(row("Совместных ответов (MSG-18, MSG-19)", figures, f -> f.jointAnswers()));
        rows.add(row("Промежуточных ответов (MSG-17)", figures, f -> f.intermediateAnswers()));
        rows.add(row("Окончательных ответов после промежуточных (MSG-17)", figures, f -> f.finalsAfterIntermediate()));
        rows.add(row("Повторных сообщений (MSG-20)", figures, f -> f.repeats()));
        rows.add(row("Не подлежащих рассмотрению (MSG-23)", figures, f -> f.notProcessed()));
        rows.add(row("Рабочее время до ответа: медиана, ч", figures, f -> hours(f.medianAnswerSeconds())));
        rows.add(row("Рабочее время до ответа: 90-й процентиль, ч", figures, f -> hours(f.p90AnswerSeconds())));
        tables.add(new Table("Сообщения", "Сообщения", headers, rows));

        List<List<Object>> onTime = new ArrayList<>();
        for (Summary.OnTime o : s.total().onTime()) {
            onTime.add(row(o.title() + " (" + o.ruleId() + ")", figures, f -> f.onTime(o.step()).share()));
        }
        tables.add(new Table("Сроки", "Доля соблюдённых сроков (часть A)", headers, onTime));

        List<List<Object>> counts = new ArrayList<>();
        for (Summary.OnTime o : s.total().onTime()) {
            counts.add(java.util.Arrays.asList(o.title(), o.ruleId(), o.applicable(), o.breached(), o.share()));
        }
        tables.add(new Table("Сроки (количество)", "Сроки организации: сообщений со сроком и нарушений",
                List.of("Срок", "Правило", "Сообщений со сроком", "Нарушено", "Соблюдено"), counts));

        tables.add(breakdown("Важность", "По категории важности", s.total().byImportance()));
        tables.add(breakdown("Сети", "По социальным сетям", s.total().byNetwork()));
        tables.add(breakdown("Темы", "По темам", s.total().byTopic()));
        tables.add(breakdown("Места", "По месту", s.total().byLocation()));
        Map<String, Long> byDepartment = new java.util.LinkedHashMap<>();
        s.departments().forEach(d -> byDepartment.put(d.name(), s.total().byDepartment().getOrDefault(d.id(), 0L)));
        tables.add(breakdown("Отделы", "По отделам", byDepartment));

        List<List<Object>> violations = new ArrayList<>();
        for (Summary.ViolationCount v : s.violations()) {
            violations.add(List.of(source(v.source()), v.responsible(), v.ruleId(), v.count()));
        }
        tables.add(new Table("Нарушения", "Нарушения сроков по лицам и правилам (MSG-24, MSG-27)",
                List.of("Вид", "Ответственный", "Правило", "Нарушений"), violations));

        List<List<Object>> dynamics = new ArrayList<>();
        Summary.Dynamics d = s.dynamics();
        dynamics.add(dynamicsRow("Сообщений", d, h -> h.messages()));
        dynamics.add(dynamicsRow("Ответов размещено", d, h -> h.answered()));
        dynamics.add(dynamicsRow("Ответ в срок (MSG-11, MSG-12)", d, h -> h.answerOnTimeShare()));
        dynamics.add(dynamicsRow("Нарушений сроков", d, h -> h.violations()));
        dynamics.add(dynamicsRow("Медиана рабочего времени до ответа, ч", d, h -> hours(h.medianAnswerSeconds())));
        tables.add(new Table("Динамика", "Динамика", List.of("Показатель", d.current().period().title(),
                d.previous().period().title(), d.yearEarlier().period().title()), dynamics));

        List<List<Object>> trend = new ArrayList<>();
        for (Summary.Headline h : s.trend()) {
            trend.add(java.util.Arrays.asList(h.period().title(), h.messages(), h.answered(), h.answerOnTimeShare(),
                    h.violations()));
        }
        tables.add(new Table("По месяцам", "По месяцам", List.of("Месяц", "Сообщений", "Ответов", "Ответ в срок",
                "Нарушений"), trend));

        Summary.Accounts a = s.accounts();
        List<List<Object>> accounts = new ArrayList<>();
        accounts.add(java.util.Arrays.asList("Изменений в реестре аккаунтов", a.changes().values().stream()
                .mapToLong(Long::longValue).sum()));
        a.changes().forEach((k, v) -> accounts.add(List.of("  в т. ч. " + k, v)));
        accounts.add(java.util.Arrays.asList("Сообщений о созданных и удалённых аккаунтах со сроком в периоде (ACC-4)", a.reportsDue()));
        accounts.add(java.util.Arrays.asList("  направлено в срок", a.reportsOnTime()));
        accounts.add(java.util.Arrays.asList("  направлено с опозданием", a.reportsLate()));
        accounts.add(java.util.Arrays.asList("  не направлено", a.reportsMissing()));
        accounts.add(java.util.Arrays.asList("  доля направленных в срок", a.reportsOnTimeShare()));
        accounts.add(java.util.Arrays.asList("Проверено недель по аккаунтам (ACC-7, ACC-8)", a.weeksChecked()));
        accounts.add(java.util.Arrays.asList("  ниже рекомендованного минимума (ACC-7)", a.weeksBelowMinimum()));
        accounts.add(java.util.Arrays.asList("  превышена доля репостов (ACC-8)", a.weeksRepostCapExceeded()));
        accounts.add(java.util.Arrays.asList("  доля недель без отставания", a.weeklyComplianceShare()));
        accounts.add(java.util.Arrays.asList("Материалов на согласовании (ACC-15)", a.approvals()));
        accounts.add(java.util.Arrays.asList("  доля согласованных в срок", a.approvalsOnTimeShare()));
        accounts.add(java.util.Arrays.asList("Модерация: записей (ACC-10, MSG-23)", a.moderated()));
        a.moderationByReason().forEach((k, v) -> accounts.add(List.of("  основание " + k, v)));
        a.moderationByAction().forEach((k, v) -> accounts.add(List.of("  действие " + k, v)));
        tables.add(new Table("Аккаунты", "Аккаунты (часть B)", List.of("Показатель", "Значение"), accounts));
        return tables;
    }

    private static List<Object> row(String label, List<Summary.Figures> figures, Function<Summary.Figures, Object> value) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (Summary.Figures f : figures) {
            row.add(value.apply(f));
        }
        return row;
    }

    private static List<Object> dynamicsRow(String label, Summary.Dynamics d, Function<Summary.Headline, Object> value) {
        return java.util.Arrays.asList(label, value.apply(d.current()), value.apply(d.previous()),
                value.apply(d.yearEarlier()));
    }

    private static Table breakdown(String sheet, String title, Map<String, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(k, v)));
        return new Table(sheet, title, List.of("Значение", "Сообщений"), rows);
    }

    private static Hours hours(Long seconds) {
        return seconds == null ? null : new Hours(seconds);
    }

    static String source(String source) {
        return switch (source) {
            case "MESSAGE" -> "Сообщения";
            case "ACCOUNT" -> "Аккаунты";
            case "CONTENT" -> "Согласование контента";
            default -> source;
        };
    }

    /** The text of a cell as the page and the CSV show it. */
    static String text(Object cell) {
        if (cell == null) {
            return "—";
        }
        if (cell instanceof Double share) {
            return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100).replace('.', ',');
        }
        if (cell instanceof Hours h) {
            return String.format(java.util.Locale.ROOT, "%.2f", h.hours()).replace('.', ',');
        }
        return cell.toString();
    }
}
