package org.ringback.web;

/** A request body over the configured limit: refused with 413 before anything is stored. */
class RequestTooLargeException extends RuntimeException {

    RequestTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes", null, false, false);
    }
}
