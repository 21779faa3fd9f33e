/** Cross-cutting configuration of the service. */
package org.beacon.service.web;
