-- registry: an update that moves elevators between tallies first takes them out of the old tallies, then
-- adds them to the new ones. (One INSERT .. ON CONFLICT for both directions tripped the tally's CHECK on
-- the proposed negative row before the conflict could turn it into an update.)
CREATE OR REPLACE FUNCTION elevator_tally_update() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE elevator_tally t SET elevators = t.elevators + m.n
    FROM (SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                 commissioning_year, sum(n) AS n
          FROM (SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                       extract(YEAR FROM commissioning_date)::int AS commissioning_year, 1 AS n FROM new_rows
                UNION ALL
                SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                       extract(YEAR FROM commissioning_date)::int, -1 FROM old_rows) moves
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
          HAVING sum(n) < 0) m
    WHERE t.district_id = m.district_id AND t.community_id = m.community_id AND t.use_unit_id = m.use_unit_id
      AND t.maintenance_company_id IS NOT DISTINCT FROM m.maintenance_company_id AND t.brand = m.brand
      AND t.type = m.type AND t.status = m.status AND t.commissioning_year = m.commissioning_year;

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
    HAVING sum(n) > 0
    ON CONFLICT ON CONSTRAINT elevator_tally_key DO UPDATE SET elevators = t.elevators + excluded.elevators;
    RETURN NULL;
END;
$$;
