package ru.otklik.dashboard;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The geometry of the dashboard's SVG bar charts and the wording of the time left, without the application. */
@DisplayName("Dashboard charts and time left")
class BarChartTests {

    @Test
    @DisplayName("Bars scale to the largest value; the overdue part is drawn over its bar; long labels are cut")
    void geometry() {
        String longLabel = "Главное управление по работе со средствами массовой информации";
        BarChart chart = BarChart.of("c", "Загрузка отделов", List.of(new BarChart.Row("ЮР", 4, 1),
                new BarChart.Row(longLabel, 2, 0), new BarChart.Row("Архив", 0, 0)), "просрочено");

        assertThat(chart.height()).isEqualTo(3 * 28);
        BarChart.Bar first = chart.bars().get(0);
        // 290 units for the largest value, 4, after 330 for the labels
        assertThat(first.width()).isEqualTo(290);
        assertThat(first.highlightWidth()).isEqualTo(73); // 1/4 of 290, rounded
        assertThat(first.y()).isEqualTo(5);
        assertThat(first.valueX()).isEqualTo(330 + 290 + 6);
        assertThat(first.valueText()).isEqualTo("4 (просрочено 1)");
        BarChart.Bar second = chart.bars().get(1);
        assertThat(second.width()).isEqualTo(145);
        assertThat(second.y()).isEqualTo(28 + 5);
        assertThat(second.label()).hasSize(46).endsWith("…").startsWith("Главное управление");
        assertThat(second.fullLabel()).isEqualTo(longLabel);
        assertThat(second.valueText()).isEqualTo("2");
        assertThat(chart.bars().get(2).width()).isZero();
    }

    @Test
    @DisplayName("An empty chart keeps one row of height; all-zero values draw no bars")
    void empty() {
        assertThat(BarChart.of("c", "t", List.of(), null).height()).isEqualTo(28);
        assertThat(BarChart.of("c", "t", List.of(new BarChart.Row("a", 0, 0)), null).bars().get(0).width()).isZero();
    }

    @Test
    @DisplayName("Time left reads in days (calendar), hours and minutes; overdue as «просрочено на»")
    void timeLeft() {
        assertThat(DashboardService.left(15, true)).isEqualTo("15 мин");
        assertThat(DashboardService.left(0, true)).isEqualTo("0 мин");
        assertThat(DashboardService.left(60, false)).isEqualTo("1 ч");
        assertThat(DashboardService.left(1430, true)).isEqualTo("23 ч 50 мин");
        assertThat(DashboardService.left(3 * 24 * 60 + 65, true)).isEqualTo("3 д 1 ч 5 мин");
        assertThat(DashboardService.left(3 * 24 * 60 + 65, false)).isEqualTo("73 ч 5 мин");
        assertThat(DashboardService.left(-1320, true)).isEqualTo("просрочено на 22 ч");
        assertThat(DashboardService.left(-30, false)).isEqualTo("просрочено на 30 мин");
    }
}
