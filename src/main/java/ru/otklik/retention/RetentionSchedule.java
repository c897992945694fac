package ru.otklik.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Runs the anonymisation every night (default 02:30 Kuzbass time); every node fires, one runs it. */
@Component
class RetentionSchedule {

    private final AuthorDataRetention retention;

    RetentionSchedule(AuthorDataRetention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${otklik.retention.schedule:0 30 2 * * *}", zone = "Asia/Novokuznetsk")
    void nightly() {
        retention.run("schedule", Duration.ofMinutes(10));
    }
}
