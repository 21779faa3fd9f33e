/**
 * The web pieces every feature shares, below all of them: errors as RFC 9457 problem+json ({@link
 * org.beacon.service.web.ProblemHandler}, the {@link org.beacon.service.web.ProblemException} a feature's exception
 * extends with its own {@link org.beacon.service.web.ProblemType}, Tomcat's and Spring's own error pages), request
 * limits (body size, compressed bodies, unknown parameters), JSON errors with a pointer to the field, exact dates, and
 * the shortening of client text quoted back in a detail. It uses no feature package.
 */
package org.beacon.service.web;
