-- The audit chain is sealed after commit instead of inside each writer's transaction. Writers only insert their
-- entries (and note them as pending); one sealer links pending entries in order, each seal's hash covering the
-- entry's fields and the previous seal's hash. Writers no longer queue on one chain lock, and an entry still
-- commits with the change it records. Seals are append-only like the entries.
CREATE TABLE audit_seal
(
    position  BIGINT PRIMARY KEY,            -- the entry's place in the chain, from 1
    entry_id  BIGINT      NOT NULL UNIQUE,   -- no foreign key: a missing entry is what verification must find
    prev_hash VARCHAR(64) NOT NULL,
    hash      VARCHAR(64) NOT NULL,
    sealed_at TIMESTAMPTZ NOT NULL
);

-- entries written but not sealed yet: a work queue, emptied by the sealer in the transaction that seals them
CREATE TABLE audit_pending
(
    entry_id BIGINT PRIMARY KEY
);

-- the chain so far keeps its hashes: the position of each link is its place in id order
INSERT INTO audit_seal (position, entry_id, prev_hash, hash, sealed_at)
SELECT row_number() OVER (ORDER BY id), id, prev_hash, hash, occurred_at FROM audit_entry;

ALTER TABLE audit_entry DROP COLUMN prev_hash, DROP COLUMN hash;
ALTER TABLE audit_entry ALTER COLUMN id SET DEFAULT nextval('audit_entry_id_seq');

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
