-- audit: an append-only, hash-chained log of every change to audited data.
CREATE TABLE audit_entry
(
    id              BIGINT PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    organization_id BIGINT,
    action          VARCHAR(16)  NOT NULL,
    entity_type     VARCHAR(48)  NOT NULL,
    entity_id       VARCHAR(64)  NOT NULL,
    before_state    TEXT,
    after_state     TEXT,
    prev_hash       VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL
);
CREATE SEQUENCE audit_entry_id_seq;
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);

-- The log is append-only: the application's role may insert and read, never rewrite.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
