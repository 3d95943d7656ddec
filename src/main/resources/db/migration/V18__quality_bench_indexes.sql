-- Scoring a period reads the period's maintenance visits (and those of the month and the 120 days before it) by
-- time across every elevator: a range of an index on the visit's end, instead of reading years of visits.
CREATE INDEX maintenance_visit_finished_idx ON maintenance_visit (finished_at);
