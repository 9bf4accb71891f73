/**
 * FHIR R4 exchange with EHRs: callbacks read as {@code Task}s with their attempts as contained
 * {@code Communication}s, and outreach requests ({@code Task}, {@code CommunicationRequest}) taken in through
 * intake. HAPI FHIR supplies the model, the JSON parser and the validator; the endpoints are plain Spring MVC.
 */
package org.ringback.fhir;
