-- Repeat messages (MSG-20, MSG-21): the earlier case a message repeats, and the measures taken or the progress
-- that the answer to a repeat must state. Portable between H2 and PostgreSQL.
ALTER TABLE message ADD COLUMN repeat_of BIGINT REFERENCES message (id);
ALTER TABLE message ADD COLUMN measures_taken VARCHAR(10000);

-- The match of a repeat: same organization, network, author and topic, detected shortly before.
CREATE INDEX ix_message_repeat_match ON message (organization_id, network, author_id, detected_at);
