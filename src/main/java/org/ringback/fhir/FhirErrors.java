package org.ringback.fhir;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.ringback.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of a FHIR endpoint as an OperationOutcome with the HTTP status the REST API would use (400
 * invalid, 404 unknown or another practice's, 409 conflict, 422 rule). Ahead of the API's problem+json advice.
 */
@RestControllerAdvice(assignableTypes = FhirController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    private final FhirContext context;

    FhirErrors(FhirContext context) {
        this.context = context;
    }

    @ExceptionHandler(FhirProblem.class)
    ResponseEntity<String> problem(FhirProblem problem) {
        return outcome(problem.status(), problem.issues());
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refusal(Refusal refusal) {
        HttpStatus status;
        IssueType type;
        if (refusal instanceof Refusal.NotFound) {
            status = HttpStatus.NOT_FOUND;
            type = IssueType.NOTFOUND;
        } else if (refusal instanceof Refusal.Conflict) {
            status = HttpStatus.CONFLICT;
            type = IssueType.CONFLICT;
        } else if (refusal instanceof Refusal.RuleViolation) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            type = IssueType.BUSINESSRULE;
        } else if (refusal instanceof Refusal.NotPermitted) {
            status = HttpStatus.FORBIDDEN;
            type = IssueType.FORBIDDEN;
        } else {
            status = HttpStatus.BAD_REQUEST;
            type = IssueType.INVALID;
        }
        List<FhirProblem.Issue> issues = new ArrayList<>();
        issues.add(new FhirProblem.Issue(type, refusal.getMessage(), null));
        refusal.errors().forEach(error -> issues.add(new FhirProblem.Issue(type, error.field() + " " + error.message(), null)));
        return outcome(status, issues);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        if (rootCause(e).getClass().getSimpleName().equals("RequestTooLargeException")) {
            return outcome(HttpStatus.CONTENT_TOO_LARGE, List.of(new FhirProblem.Issue(IssueType.TOOLONG,
                    "The request body is larger than the limit", null)));
        }
        return outcome(HttpStatus.BAD_REQUEST, List.of(new FhirProblem.Issue(IssueType.STRUCTURE, "The request body cannot be read", null)));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<String> database(DataAccessException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            return outcome(HttpStatus.BAD_REQUEST, List.of(new FhirProblem.Issue(IssueType.INVALID,
                    "The resource contains a value that cannot be stored (e.g. a NUL character)", null)));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        // The type and place only: an exception message may quote patient data.
        log.error("Unexpected {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, List.of(new FhirProblem.Issue(IssueType.EXCEPTION,
                "Something went wrong on our side; nothing was changed", null)));
    }

    private ResponseEntity<String> outcome(HttpStatus status, List<FhirProblem.Issue> issues) {
        var outcome = new OperationOutcome();
        for (FhirProblem.Issue issue : issues) {
            var entry = outcome.addIssue()
                    .setSeverity(status.is5xxServerError() ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                    .setCode(issue.type())
                    .setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                entry.addExpression(issue.expression());
            }
        }
        return ResponseEntity.status(status).contentType(FhirController.FHIR_JSON).body(FhirController.encode(context, outcome));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
