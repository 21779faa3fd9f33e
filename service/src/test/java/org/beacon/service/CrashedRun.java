package org.beacon.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What a service that crashed in the middle of a long run (a replay, an impact run) leaves in its H2 database, for
 * a restart test to write while the service is stopped: a row still running, started a minute before its last
 * heartbeat.
 *
 * @param heartbeat when the crashed service last said it was alive
 */
public record CrashedRun(OffsetDateTime heartbeat) {

    /** A crash two minutes ago. */
    public static CrashedRun twoMinutesAgo() {
        return new CrashedRun(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2));
    }

    /** When the run was created and started. */
    public OffsetDateTime started() {
        return heartbeat.minusMinutes(1);
    }

    /** Writes the run's row into the stopped service's database: {@code insert}'s placeholders take {@code values}. */
    public void write(String dataDir, String insert, Object... values) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/beacon", "sa", "");
                PreparedStatement s = c.prepareStatement(insert)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
