package ru.otklik.integration.monitoring;

import java.time.Instant;

/**
 * An import of a monitoring export as stored in {@code message_import}.
 *
 * @param organization the organization it belongs to, and of its rows that name none; null when a system
 *                     reporting for several organizations named none
 * @param lastRow      the last row whose outcome is stored (the header is row 1)
 * @param bytesDone    how much of the file was read when the outcome of {@code lastRow} was stored
 */
record ImportJob(long id, String organization, String fileName, long fileSize, Status status, String createdBy,
                 Instant createdAt, Instant startedAt, Instant finishedAt, int lastRow, long bytesDone, int accepted,
                 int duplicates, int errors, String lastFailure) {

    /** QUEUED: waits for a worker; RUNNING: being imported (or to be resumed); DONE: every row has its outcome. */
    enum Status { QUEUED, RUNNING, DONE }

    int total() {
        return accepted + duplicates + errors;
    }

    /** Share of the file read, in whole percent; 100 only when done. */
    int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return fileSize == 0 ? 0 : (int) Math.min(99, bytesDone * 100 / fileSize);
    }
}
