-- registry: how many elevators there are per combination of the list's filters, kept by PostgreSQL itself
-- in the same transaction as every change to elevator. The list's total counts come from here (a city's
-- 200,000 elevators are about 20,000 tally rows), so counting never has to scan the elevators.
CREATE TABLE elevator_tally
(
    district_id            BIGINT      NOT NULL,
    community_id           BIGINT      NOT NULL,
    use_unit_id            BIGINT      NOT NULL,
    maintenance_company_id BIGINT,
    brand                  VARCHAR(60) NOT NULL,
    type                   VARCHAR(16) NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    commissioning_year     INT         NOT NULL,
    elevators              INT         NOT NULL CHECK (elevators >= 0),
    CONSTRAINT elevator_tally_key UNIQUE NULLS NOT DISTINCT (district_id, community_id, use_unit_id,
        maintenance_company_id, brand, type, status, commissioning_year)
);
CREATE INDEX elevator_tally_district_idx ON elevator_tally (district_id);
CREATE INDEX elevator_tally_community_idx ON elevator_tally (community_id);
CREATE INDEX elevator_tally_maintainer_idx ON elevator_tally (maintenance_company_id);
CREATE INDEX elevator_tally_use_unit_idx ON elevator_tally (use_unit_id);

-- Statement-level triggers add up each statement's rows first: a 10,000-row import changes one tally row
-- a few dozen times, not 10,000 times (each update of a row leaves a version the next one must step over).
CREATE FUNCTION elevator_tally_insert() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO elevator_tally AS t (district_id, community_id, use_unit_id, maintenance_company_id, brand, type,
                                     status, commissioning_year, elevators)
    SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
           extract(YEAR FROM commissioning_date)::int, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT elevator_tally_key DO UPDATE SET elevators = t.elevators + excluded.elevators;
    RETURN NULL;
END;
$$;

CREATE FUNCTION elevator_tally_delete() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE elevator_tally t SET elevators = t.elevators - gone.n
    FROM (SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                 extract(YEAR FROM commissioning_date)::int AS commissioning_year, count(*) AS n
          FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) gone
    WHERE t.district_id = gone.district_id AND t.community_id = gone.community_id
      AND t.use_unit_id = gone.use_unit_id
      AND t.maintenance_company_id IS NOT DISTINCT FROM gone.maintenance_company_id AND t.brand = gone.brand
      AND t.type = gone.type AND t.status = gone.status AND t.commissioning_year = gone.commissioning_year;
    RETURN NULL;
END;
$$;

-- an update moves rows between tallies: only the net change per tally is written
CREATE FUNCTION elevator_tally_update() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO elevator_tally AS t (district_id, community_id, use_unit_id, maintenance_company_id, brand, type,
                                     status, commissioning_year, elevators)
    SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status, commissioning_year,
           sum(n)
    FROM (SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                 extract(YEAR FROM commissioning_date)::int AS commissioning_year, 1 AS n FROM new_rows
          UNION ALL
          SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                 extract(YEAR FROM commissioning_date)::int, -1 FROM old_rows) moves
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(n) <> 0
    ON CONFLICT ON CONSTRAINT elevator_tally_key DO UPDATE SET elevators = t.elevators + excluded.elevators;
    RETURN NULL;
END;
$$;

CREATE TRIGGER elevator_tally_on_insert AFTER INSERT ON elevator
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION elevator_tally_insert();
CREATE TRIGGER elevator_tally_on_delete AFTER DELETE ON elevator
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION elevator_tally_delete();
CREATE TRIGGER elevator_tally_on_update AFTER UPDATE ON elevator
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION elevator_tally_update();

-- a brand filter walks this index in list order instead of sifting the whole list
DROP INDEX elevator_brand_idx;
CREATE INDEX elevator_brand_code_idx ON elevator (brand, registration_code);
