package org.ringback.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * HAPI's instance validator against the base R4 specification. Loading the R4 definitions takes from seconds
 * to a minute on a busy two-core machine, so the validator is never built during startup: it is built once, on
 * first use or by a background warm-up after the app is ready, and then shared (HAPI's validator is thread-safe).
 */
@Component
class FhirValidation {

    private static final Logger log = LoggerFactory.getLogger(FhirValidation.class);

    private final FhirContext context;
    private final FhirProperties properties;
    private volatile FhirValidator validator;

    FhirValidation(FhirContext context, FhirProperties properties) {
        this.context = context;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (properties.warmUp()) {
            Thread thread = new Thread(this::validator, "fhir-validator-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** The messages of error or fatal severity; empty when the resource is valid R4. */
    List<SingleValidationMessage> errors(IBaseResource resource) {
        return validate(resource).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    ValidationResult validate(IBaseResource resource) {
        return validator().validateWithResult(resource);
    }

    private FhirValidator validator() {
        FhirValidator ready = validator;
        if (ready == null) {
            synchronized (this) {
                ready = validator;
                if (ready == null) {
                    ready = build();
                    validator = ready;
                }
            }
        }
        return ready;
    }

    private FhirValidator build() {
        long started = System.nanoTime();
        var unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
        // Ringback's own code systems (categories, ladder steps) are not published: a warning, not an error.
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        var support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        var instanceValidator = new FhirInstanceValidator(support);
        FhirValidator built = context.newValidator().registerValidatorModule(instanceValidator);
        // The first validation loads the definitions it needs: warm up here so the time below is the real cost.
        built.validateWithResult(new org.hl7.fhir.r4.model.Task()
                .setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.READY)
                .setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER));
        log.info("FHIR R4 validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return built;
    }
}
