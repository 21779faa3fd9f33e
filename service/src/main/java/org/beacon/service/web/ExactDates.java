package org.beacon.service.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.beacon.rules.model.IsoDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every date a request brings is exactly {@code YYYY-MM-DD}: in JSON (asOf, a signal's start, …) and in query
 * parameters and form fields (effectiveFrom, …). Jackson by itself reads {@code [2026,7,1]} and trims
 * {@code "2026-07-01 "} (the leniency setting does not stop either), so a request that a proxy, a log or another
 * client reads one way could be decided another.
 */
@Configuration
class ExactDates implements WebMvcConfigurer {

    @Bean
    JacksonModule exactDateModule() {
        return new SimpleModule("beacon-exact-dates").addDeserializer(LocalDate.class, new ExactDateDeserializer());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, (date, locale) -> date.toString(),
                (text, locale) -> IsoDate.parse(text));
    }

    /** A JSON string of exactly YYYY-MM-DD; anything else is the caller's error, named at its pointer. */
    private static final class ExactDateDeserializer extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext context) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            try {
                return IsoDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date (YYYY-MM-DD)");
            }
        }
    }
}
