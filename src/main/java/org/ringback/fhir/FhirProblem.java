package org.ringback.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/** A FHIR request refused before it reached the domain: answered as an OperationOutcome with these issues. */
final class FhirProblem extends RuntimeException {

    /** One issue: what kind, a readable sentence without patient data, and where (a FHIRPath expression), if known. */
    record Issue(IssueType type, String diagnostics, String expression) {
    }

    private final HttpStatus status;
    private final List<Issue> issues;

    FhirProblem(HttpStatus status, List<Issue> issues) {
        super(issues.isEmpty() ? status.getReasonPhrase() : issues.get(0).diagnostics(), null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    static FhirProblem invalid(String diagnostics, String expression) {
        return new FhirProblem(HttpStatus.BAD_REQUEST, List.of(new Issue(IssueType.INVALID, diagnostics, expression)));
    }

    static FhirProblem unprocessable(IssueType type, String diagnostics, String expression) {
        return new FhirProblem(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new Issue(type, diagnostics, expression)));
    }

    HttpStatus status() {
        return status;
    }

    List<Issue> issues() {
        return issues;
    }
}
