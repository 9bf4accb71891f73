package org.ringback.web;

import org.ringback.shared.Refusal;
import org.springframework.http.HttpStatus;

/** The one mapping of a domain refusal to an HTTP status, shared by the API's problems and the staff pages. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal refusal) {
        if (refusal instanceof Refusal.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof Refusal.Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof Refusal.RuleViolation) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (refusal instanceof Refusal.NotPermitted) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
