package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import ru.otklik.integration.monitoring.MonitoringImport.RowResult;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * An import as the API shows it: status, progress ({@code percent} of the file read, {@code lastRow} the last row
 * with an outcome) and counts so far; {@code rows} only in the answer of an import done during the request.
 * Times carry the offset of the organization's zone (UTC for an import of several organizations).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportView(long id, String org, String file, ImportJob.Status status, String createdBy,
                  OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, long size,
                  int percent, int lastRow, int total, int accepted, int duplicates, int errors, String lastFailure,
                  Links links, List<Row> rows) {

    /** Where to read the job and its rows' outcomes. */
    record Links(String self, String rows, String csv) {
    }

    /** The outcome of a row: ACCEPTED or DUPLICATE with the registry entry, ERROR with the field and reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(int row, MonitoringImport.Status status, Long id, String businessKey, String field, String message) {

        static Row of(RowResult result) {
            return new Row(result.row(), result.status(), result.id(), result.businessKey(), result.field(),
                    result.message());
        }
    }

    static ImportView of(ImportJob job, ZoneId zone, List<RowResult> rows) {
        String self = MonitoringImportController.IMPORTS + job.id();
        return new ImportView(job.id(), job.organization(), job.fileName(), job.status(), job.createdBy(),
                time(job.createdAt(), zone), time(job.startedAt(), zone), time(job.finishedAt(), zone),
                job.fileSize(), job.percent(), job.lastRow(), job.total(), job.accepted(), job.duplicates(),
                job.errors(), job.lastFailure(), new Links(self, self + "/rows", self + "/rows.csv"),
                rows == null ? null : rows.stream().map(Row::of).toList());
    }

    private static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
