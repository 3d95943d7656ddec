-- demo: which first-start seeds have run, so a restart never seeds twice.
CREATE TABLE demo_seed
(
    name      VARCHAR(64) PRIMARY KEY,
    seeded_at TIMESTAMPTZ NOT NULL
);
