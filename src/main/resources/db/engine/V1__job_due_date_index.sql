-- The job executor acquires the earliest due jobs first (job-executor-acquire-by-due-date in application.yml), so
-- when deadlines fall due faster than a node runs them, each fires in its turn instead of in table order.
-- Camunda ships no index on the due date: without one, every poll would read and sort all waiting jobs.
CREATE INDEX OTK_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
