-- Part A completed (issue #5): the deadlines of the return as not competent (MSG-9), of re-routing (MSG-10)
-- and of a department's part of a joint answer (MSG-18). Portable between H2 and PostgreSQL.
ALTER TABLE message ADD COLUMN return_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN reroute_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN part_due TIMESTAMP WITH TIME ZONE;

-- The parts of a joint answer share one deadline: a breach is recorded once per deadline and department
-- (scope = the department's id for a part, '' otherwise), MSG-18, MSG-24.
ALTER TABLE message_violation ADD COLUMN scope VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE message_violation DROP CONSTRAINT uq_message_violation;
ALTER TABLE message_violation ADD CONSTRAINT uq_message_violation UNIQUE (message_id, step, due_at, scope);
