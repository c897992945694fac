-- E-mail delivery of notifications (issue #8). Portable between H2 and PostgreSQL.
-- mail_status: NOT_SENT (mail off), PENDING (waiting for the transaction to commit), SENT, FAILED (retried while
-- mail_next_attempt_at is set; given up when it is empty), NO_ADDRESS (no recipient has an e-mail address).
ALTER TABLE notification ADD COLUMN mail_status VARCHAR(16) DEFAULT 'NOT_SENT' NOT NULL;
ALTER TABLE notification ADD COLUMN mail_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification ADD COLUMN mail_next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN mail_sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN mail_error VARCHAR(1000);

CREATE INDEX ix_notification_mail_status ON notification (mail_status, mail_next_attempt_at);
