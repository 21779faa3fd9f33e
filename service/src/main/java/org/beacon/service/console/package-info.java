/**
 * The web console: pages for people (experts, admins, reviewers) served by the same jar, on the same services and
 * under the same users and roles as the API. Server-rendered Thymeleaf with htmx for partial updates; every text
 * from the message bundles {@code console/messages*.properties} in 简体中文 and English; scripts, styles and images
 * from the jar only. Who may open which page is decided by the security configuration
 * ({@code security/ConsoleSecurityConfig}), which the navigation asks.
 */
package org.beacon.service.console;
