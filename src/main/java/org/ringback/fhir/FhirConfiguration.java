package org.ringback.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The app's own R4 context (not HAPI's shared static one, whose error handler this sets): built once, it caches the model metadata. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // Unknown elements or bad values in a posted resource are a 400, not a silently dropped field.
        context.setParserErrorHandler(new StrictErrorHandler());
        // Parsers are made per use (context.newJsonParser()): cheap, and not meant to be shared between threads.
        return context;
    }
}
