package org.ringback.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FHIR exchange.
 *
 * @param warmUp load the R4 definitions for the validator in the background once the app is up, so that the first
 *               request an EHR posts does not wait for them ({@code RINGBACK_FHIR_WARMUP=true}). Off by default: it
 *               costs a core for seconds to a minute and a few hundred MB of heap, which an instance that never
 *               receives FHIR requests need not pay.
 */
@ConfigurationProperties("ringback.fhir")
record FhirProperties(@DefaultValue("false") boolean warmUp) {
}
