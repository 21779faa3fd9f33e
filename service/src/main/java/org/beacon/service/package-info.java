/**
 * Beacon's service: the Spring Boot application that compiles the expert workbooks at start-up and decides
 * situations over HTTP. Its packages go by feature ({@code evaluation}, {@code ruleset}, {@code replay},
 * {@code security}, {@code console}) over the shared {@code web} pieces, without cycles between them; the rules are
 * used through their facade and model only ({@code ServiceBoundariesTest} keeps both).
 */
package org.beacon.service;
