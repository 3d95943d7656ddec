-- registry: whether the elevator stands suspended because its last inspection failed (TSG T7001-2023)
ALTER TABLE elevator ADD COLUMN inspection_failed BOOLEAN NOT NULL DEFAULT FALSE;
