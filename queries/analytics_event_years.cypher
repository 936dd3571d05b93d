// name: analytics_event_years
// description: Every event's internal id and the year of its start date ('' when it has none), as two parallel lists (for year-by-year evolution).
// params:
// returns: events, years
MATCH (e:Event)
RETURN collect(ID(e)) AS events, collect(coalesce(left(toString(e.start_date), 4), '')) AS years
