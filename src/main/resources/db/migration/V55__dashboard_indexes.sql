-- The dashboard (/dashboard, /api/dashboard) counts the open messages of an organization every minute for each
-- open page: reach them by status instead of reading the organization's whole history. Portable between H2 and
-- PostgreSQL.
CREATE INDEX ix_message_org_status ON message (organization_id, status);
