package ru.otklik.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The working time's percentiles taken from counted values, as {@code PERCENTILE_CONT} takes them (MSG-25). */
class SummaryPercentileTests {

    @Test
    @DisplayName("MSG-25: median and 90th percentile interpolate between the neighbouring values of the sorted list")
    void interpolates() {
        // sorted values 100, 200: positions 0.5 and 0.9 → 100 + 100 × 0.5 and 100 + 100 × 0.9
        TreeMap<Long, Long> two = new TreeMap<>();
        two.put(200L, 1L);
        two.put(100L, 1L);
        assertThat(SummaryQueries.percentile(two, 0.5)).isEqualTo(150L);
        assertThat(SummaryQueries.percentile(two, 0.9)).isEqualTo(190L);

        // sorted values 10, 20, 20, 40: position 1.5 lies within the repeated 20; position 2.7 → 20 + 20 × 0.7
        TreeMap<Long, Long> repeated = new TreeMap<>();
        repeated.put(10L, 1L);
        repeated.put(20L, 2L);
        repeated.put(40L, 1L);
        assertThat(SummaryQueries.percentile(repeated, 0.5)).isEqualTo(20L);
        assertThat(SummaryQueries.percentile(repeated, 0.9)).isEqualTo(34L);

        // sorted values 0, 1, 2, 3, 10: position 2 exactly → 2; position 3.6 → 3 + 7 × 0.6 = 7.2 → 7 s
        TreeMap<Long, Long> odd = new TreeMap<>();
        for (long v : new long[] {0, 1, 2, 3, 10}) {
            odd.put(v, 1L);
        }
        assertThat(SummaryQueries.percentile(odd, 0.5)).isEqualTo(2L);
        assertThat(SummaryQueries.percentile(odd, 0.9)).isEqualTo(7L);
    }

    @Test
    @DisplayName("MSG-25: one value is its own median; no values give no median")
    void edges() {
        TreeMap<Long, Long> single = new TreeMap<>();
        single.put(5400L, 3L);
        assertThat(SummaryQueries.percentile(single, 0.5)).isEqualTo(5400L);
        assertThat(SummaryQueries.percentile(single, 0.9)).isEqualTo(5400L);
        assertThat(SummaryQueries.percentile(new TreeMap<>(), 0.5)).isNull();
    }
}
