-- The console's map of the week's latest decisions shows each region's five-colour area risk and the rows that gave
-- it. Kept in columns of their own, written with the audit row, so that the map reads them with the latest rows
-- instead of reading back, decompressing and parsing hundreds of stored answers.
-- area_risk: red, orange, yellow, blue or green, null when no row gave one. area_risk_rules: the ids of the rows that
-- gave it, comma-separated, '' when none did; null only on rows stored before V11, whose map tile still reads the
-- stored answer. Portable between H2 and PostgreSQL.
alter table evaluation add column area_risk varchar(10);
alter table evaluation add column area_risk_rules varchar(4000);
