-- MSG-8: messages registered whose case is still to be started (an import row, a report with
-- "Prefer: respond-async"). The case starter (CaseStarter) works through them in the background, oldest first;
-- a start that failed is tried again later, so an accepted message always gets its case.
CREATE TABLE message_case_queue (
    message_id      BIGINT                   NOT NULL PRIMARY KEY REFERENCES message (id),
    repeat_of       VARCHAR(64),
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT                      NOT NULL DEFAULT 0,
    last_failure    VARCHAR(2000)
);
CREATE INDEX ix_message_case_queue_due ON message_case_queue (next_attempt_at, queued_at);
