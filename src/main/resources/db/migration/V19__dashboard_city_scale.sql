-- Dashboards at city scale (issue 9, bench/dashboards.sh): the incident figures of a use unit, an owners'
-- committee or a maintenance company, read month by month, and the open incidents of any scope.
-- A use unit's or owners' committee's scope is (use_unit_id = ? OR community_id IN (?)): without these two,
-- each month's figures read every incident of the city (300,000 a year at 225,000 elevators).
CREATE INDEX incident_use_unit_idx ON incident (use_unit_id, reported_at);
CREATE INDEX incident_community_idx ON incident (community_id, reported_at);
-- A maintenance company's scope adds the incidents handed to it as backup rescue unit (OR rescue_company_id = ?):
-- incident_rescue_idx holds only the open ones, so a month's figures could not use it.
CREATE INDEX incident_rescue_reported_idx ON incident (rescue_company_id, reported_at);
-- The open incidents (a few hundred in a city, of hundreds of thousands a year), in the form every open-incident
-- query writes (status NOT IN the closed states), whatever the scope.
CREATE INDEX incident_open_status_idx ON incident (district_id) WHERE status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM');
