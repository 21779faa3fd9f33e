package org.beacon.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code beacon.security.*}).
 *
 * @param initialAdminPassword the first admin's password on a database without users (for scripted installs, e.g.
 *     from the environment variable {@code BEACON_SECURITY_INITIAL_ADMIN_PASSWORD}); empty means generate one and
 *     print it once
 * @param credentialCache how long verified credentials are remembered, so that HTTP Basic does not pay a bcrypt
 *     check (tens of milliseconds) on every request; a user change on this instance forgets them at once, one on
 *     another instance sharing the database within this time; 0 turns remembering off
 * @param failedLoginsPerMinute refused credentials from one client address within a minute before further attempts
 *     from it get 429 until the minute is over; 0 turns this off
 */
@ConfigurationProperties("beacon.security")
public record SecurityProperties(@DefaultValue("") String initialAdminPassword,
        @DefaultValue("60s") Duration credentialCache, @DefaultValue("30") int failedLoginsPerMinute) {
}
