package org.beacon.service.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code beacon_user} table. Thread-safe: every call is one statement. */
@Repository
class UserStore {

    private static final String COLUMNS = "username, password_hash, roles, enabled, created_at, created_by,"
            + " changed_at, changed_by";

    private final JdbcTemplate jdbc;

    UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.query("select " + COLUMNS + " from beacon_user where username = ?", UserStore::row, username)
                .stream().findFirst();
    }

    /** The names equal to {@code username} ignoring case (one, or several made before names were compared so). */
    List<String> namesIgnoringCase(String username) {
        return jdbc.queryForList("select username from beacon_user where lower(username) = lower(?) order by "
                + "username", String.class, username);
    }

    /** Names that differ only in case, in groups. */
    List<List<String>> caseVariants() {
        List<String> names = jdbc.queryForList("select username from beacon_user where lower(username) in (select "
                + "lower(username) from beacon_user group by lower(username) having count(*) > 1) order by "
                + "lower(username), username", String.class);
        return List.copyOf(names.stream().collect(Collectors.groupingBy(n -> n.toLowerCase(java.util.Locale.ROOT),
                java.util.LinkedHashMap::new, Collectors.toList())).values());
    }

    List<StoredUser> all() {
        return jdbc.query("select " + COLUMNS + " from beacon_user order by username", UserStore::row);
    }

    /**
     * The enabled admins, their rows locked until the transaction ends: two transactions that each remove a
     * different admin take turns, and the second sees the first's change.
     */
    List<String> lockEnabledAdmins() {
        return jdbc.query("select username, roles from beacon_user where enabled = true for update", (rs, n) ->
                rs.getString("roles") + "|" + rs.getString("username")).stream()
                .filter(r -> Arrays.asList(r.substring(0, r.indexOf('|')).split(",")).contains(Role.ADMIN.id()))
                .map(r -> r.substring(r.indexOf('|') + 1)).toList();
    }

    long count() {
        Long n = jdbc.queryForObject("select count(*) from beacon_user", Long.class);
        return n == null ? 0 : n;
    }

    /** False when the name is taken (also by a concurrent insert: the primary key decides). */
    boolean insert(StoredUser u) {
        try {
            jdbc.update("insert into beacon_user (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", u.username(),
                    u.passwordHash(), roles(u.roles()), u.enabled(), utc(u.createdAt()), u.createdBy(),
                    utc(u.changedAt()), u.changedBy());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    boolean update(StoredUser u) {
        return jdbc.update("update beacon_user set password_hash = ?, roles = ?, enabled = ?, changed_at = ?,"
                + " changed_by = ? where username = ?", u.passwordHash(), roles(u.roles()), u.enabled(),
                utc(u.changedAt()), u.changedBy(), u.username()) == 1;
    }

    boolean delete(String username) {
        return jdbc.update("delete from beacon_user where username = ?", username) == 1;
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::id).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static StoredUser row(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(Role::parse).filter(r -> r != null).forEach(roles::add);
        return new StoredUser(rs.getString("username"), rs.getString("password_hash"), roles,
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                rs.getString("changed_by"));
    }
}
