-- What deciding a stored situation again needs beyond its answer: the series of its surveillance signals (the answer
-- keeps only the statistics derived from them). zlib-compressed JSON [{source, start, values}], null when the
-- situation had no signals. Rows stored before V7 have null here: those whose answer shows signals cannot be decided
-- again, and an impact run counts them (POST /rule-sets/{id}/impact).
alter table evaluation add column signals_deflated bytea;
