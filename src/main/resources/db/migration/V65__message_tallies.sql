-- Tallies of each message's journal and breaches, kept by MessageRegistry in the transaction that writes the
-- journal entry or the breach, so that the monthly summary reads a month from `message` alone (MSG-25) instead of
-- joining the journal and the breaches to a million messages. Portable between H2 and PostgreSQL.

-- returns as not within competence (MSG-9) and returns for rework (MSG-15): journal entries counted
ALTER TABLE message ADD COLUMN return_count INT DEFAULT 0 NOT NULL;
ALTER TABLE message ADD COLUMN rework_count INT DEFAULT 0 NOT NULL;
-- the first intermediate answer (MSG-17): the time of the first `final-answer-due` entry
ALTER TABLE message ADD COLUMN intermediate_at TIMESTAMP WITH TIME ZONE;
-- the deadlines breached at least once (MSG-24, MSG-27), alphabetical and comma-separated; an answer breach due
-- after the first intermediate answer counts as the final answer's (`final`, MSG-17)
ALTER TABLE message ADD COLUMN breached_deadlines VARCHAR(255);

-- the rows written before: counted from the journal and the breaches
UPDATE message SET
    return_count = (SELECT COUNT(*) FROM message_event e WHERE e.message_id = message.id
                    AND e.step = 'returned-not-competent'),
    rework_count = (SELECT COUNT(*) FROM message_event e WHERE e.message_id = message.id AND e.step = 'returned'),
    intermediate_at = (SELECT MIN(e.occurred_at) FROM message_event e WHERE e.message_id = message.id
                       AND e.step = 'final-answer-due')
WHERE EXISTS (SELECT 1 FROM message_event e WHERE e.message_id = message.id
              AND e.step IN ('returned-not-competent', 'returned', 'final-answer-due'));

UPDATE message SET breached_deadlines = SUBSTRING(
        CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'answer'
                          AND (message.intermediate_at IS NULL OR message.intermediate_at >= v.due_at))
             THEN ',answer' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'approval')
             THEN ',approval' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'draft')
             THEN ',draft' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'answer'
                          AND message.intermediate_at < v.due_at)
             THEN ',final' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'part')
             THEN ',part' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'posting')
             THEN ',posting' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'reroute')
             THEN ',reroute' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'return')
             THEN ',return' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'rework')
             THEN ',rework' ELSE '' END
     || CASE WHEN EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id AND v.step = 'routing')
             THEN ',routing' ELSE '' END, 2)
WHERE EXISTS (SELECT 1 FROM message_violation v WHERE v.message_id = message.id);
