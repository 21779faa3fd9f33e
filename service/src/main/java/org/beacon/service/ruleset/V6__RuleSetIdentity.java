package org.beacon.service.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * A version is the content of its workbooks <em>and</em> its effective date, so the same workbooks
 * uploaded with another date become a new version instead of the old one with its old date. Adds
 * {@code rule_set.identity_key} (unique; filled in for the versions already stored, which keep their ids) and drops
 * the unique constraint on {@code content_hash}.
 *
 * <p>Java rather than SQL because that constraint has a name the database chose (H2 and PostgreSQL name it
 * differently), found here in the standard {@code information_schema}. A Spring bean, which Flyway runs in version
 * order with the SQL migrations, rather than a class found by scanning {@code db/migration}, which is unreliable
 * inside the executable jar.
 */
@Component
class V6__RuleSetIdentity extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table rule_set add column identity_key varchar(100)");
        }
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id, content_hash, effective_from from rule_set");
                PreparedStatement update = c.prepareStatement("update rule_set set identity_key = ? where id = ?")) {
            while (rows.next()) {
                java.sql.Date from = rows.getDate(3);
                update.setString(1, RuleSetVersion.identityKey(rows.getString(2), from == null ? null
                        : from.toLocalDate()));
                update.setString(2, rows.getString(1));
                update.executeUpdate();
            }
        }
        List<String> contentHashUnique = uniqueConstraintsOn(c, "content_hash");
        if (contentHashUnique.isEmpty()) {
            throw new SQLException("found no unique constraint on rule_set.content_hash to replace");
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table rule_set alter column identity_key set not null");
            s.execute("alter table rule_set add constraint rule_set_identity_key unique (identity_key)");
            for (String name : contentHashUnique) {
                s.execute("alter table rule_set drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }

    /** Names of the unique constraints of table rule_set on exactly this one column, in the current schema. */
    private static List<String> uniqueConstraintsOn(Connection c, String column) throws SQLException {
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select tc.constraint_name, count(*), max(lower(k.column_name))"
                + " from information_schema.table_constraints tc join information_schema.key_column_usage k"
                + " on k.constraint_name = tc.constraint_name and k.constraint_schema = tc.constraint_schema"
                + " and k.table_name = tc.table_name"
                + " where lower(tc.table_name) = 'rule_set' and tc.constraint_type = 'UNIQUE'"
                + " and lower(tc.table_schema) = ? group by tc.constraint_name")) {
            q.setString(1, schema == null ? "public" : schema.toLowerCase(Locale.ROOT));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(2) == 1 && column.equals(rs.getString(3))) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return names;
    }
}
