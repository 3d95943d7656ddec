-- Rectification work demanded by an inspection (整改) is a repair need too: raised by the inspection rather
-- than by a maintenance visit, so the incidents module opens a repair order for it and a completed order with
-- parts opens a claim under the policy's inspection section.
ALTER TABLE repair_need ALTER COLUMN visit_id DROP NOT NULL;
ALTER TABLE repair_need ADD COLUMN inspection_id BIGINT UNIQUE REFERENCES inspection (id);
ALTER TABLE repair_need ADD CONSTRAINT repair_need_one_origin CHECK ((visit_id IS NULL) <> (inspection_id IS NULL));
