/**
 * Who may do what: HTTP Basic authentication against the users stored in the database, four roles that each include
 * the ones before them (caller, reviewer, editor, admin), the first administrator created on first start, the
 * {@code /users} API, and 401/403 as problem+json.
 */
package org.beacon.service.security;
