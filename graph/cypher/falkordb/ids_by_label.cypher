// One branch of a UNION ALL (the adapter joins one per label, with __LABEL__ replaced by a checked,
// backticked label): the internal ids of the label's nodes as one comma-joined string. falkordb-py
// turns a result value into Python value by value (query_result.py), so one string parses several
// times faster than a list of a million ids; the adapter splits it into ints.
MATCH (n:__LABEL__) WITH collect(id(n)) AS ids
RETURN '__NAME__' AS label, string.join([i IN ids | toString(i)], ',') AS ids
