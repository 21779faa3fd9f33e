package org.beacon.service.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The application's JSON reads and writes properties through accessors generated once per property (Jackson's
 * Blackbird module) rather than by reflection at every call. Every answer carries a decision of about 16.5 KB with
 * its explanation, and each decision of a batch is written for its audit row: writing one took 82 µs, 55 µs with the
 * module, the same bytes (issue 25; benchmarks/DecisionWriteBenchmark.java). Declared here rather than left to the
 * module's service-loader entry, so that it does not hang on a discovery setting.
 */
@Configuration
class GeneratedAccessors {

    @Bean
    JacksonModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
