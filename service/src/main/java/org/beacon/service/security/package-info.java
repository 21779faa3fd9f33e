/**
 * Who may do what: HTTP Basic authentication against the users stored in the database, four roles that each include
 * the ones before them (caller, reviewer, editor, admin), the first administrator created on first start, the
 * {@code /users} API, and 401/403 as problem+json. The console's browsers sign in with a form and a session instead
 * (same users, roles and throttle), and may call the API with that session ({@code ConsoleSecurityConfig},
 * {@code BrowserSessions}).
 */
package org.beacon.service.security;
