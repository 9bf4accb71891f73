package org.ringback.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.ringback.database.DatabaseOutage;
import org.ringback.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.core.JacksonException;

/**
 * Maps every refusal to RFC 9457 problem+json in one place: 400 for input that cannot be read or is
 * invalid, 404 unknown id, 409 state conflict, 422 rule violation, 413 too large, 503 with Retry-After while the
 * database is unreachable (pages then get the error page saying so). Details never echo request values, so no
 * patient data leaks into error bodies or logs.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal refusal) {
        HttpStatus status = RefusalStatus.of(refusal);
        var errors = refusal.errors().stream().map(e -> new ApiFieldError(e.field(), e.message())).toList();
        return problem(status, refusal.getMessage(), errors);
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new ApiFieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    /** A file upload sent as something other than multipart/form-data (too large ones are 413, handled above us). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> notMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Send the file as a multipart/form-data upload", List.of());
    }

    /** An address the firewall refuses (encoded dots or slashes, NUL, ...): the client's mistake, not ours. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedAddress(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "The request's address contains characters that are not allowed", List.of());
    }

    /** A query string or form body whose parameters cannot be decoded (e.g. a '%' not followed by two hex digits). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "The request's parameters are not validly encoded", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid value for '" + e.getName() + "'",
                List.of(new ApiFieldError(e.getName(), "is not a valid " + simpleName(e.getRequiredType()))));
    }

    @ExceptionHandler(DataAccessException.class)
    Object database(DataAccessException e, HttpServletRequest request) {
        String state = e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (state.startsWith("22")) {
            // PostgreSQL's "data exception" class: a value it cannot store, such as a NUL character in text.
            return problem(HttpStatus.BAD_REQUEST, "The request contains a value that cannot be stored (e.g. a NUL character)", List.of());
        }
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, request);
        }
        if (e instanceof TransientDataAccessException) {
            log.warn("Transient database failure: {} (SQLState {})", e.getClass().getSimpleName(), state);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "The database is busy; try again shortly", List.of());
        }
        return unexpected(e, request);
    }

    /** Requests of API clients (REST, FHIR, webhooks), answered with problem+json; the rest are people's pages. */
    static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/fhir/") || path.startsWith("/webhooks/");
    }

    /** An API client gets 503 problem+json; a page, the error page with the same advice and nothing of the request. */
    private static Object databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        if (isApiRequest(request)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE));
        }
        var page = new ModelAndView("error");
        page.addObject("message", DatabaseOutage.MESSAGE);
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiFieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        // A request body's errors name its fields; a path or query parameter's errors name the parameter.
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(f -> new ApiFieldError(f.getField(), f.getDefaultMessage()))
                        : r.getResolvableErrors().stream().map(err -> new ApiFieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (rootCause(e) instanceof RequestTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown field '" + unknown.getPropertyName() + "'",
                    List.of(new ApiFieldError(unknown.getPropertyName(), "is not a known field")));
        }
        if (cause instanceof JacksonException && rootCause(cause) instanceof Refusal.InvalidInput invalid) {
            return refusal(invalid);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid value for '" + path(mismatch) + "'",
                    List.of(new ApiFieldError(path(mismatch), invalidValueMessage(mismatch.getTargetType()))));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            detail.setType(URI.create("about:blank"));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (rootCause(e) instanceof RequestTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, request);
        }
        if (wildcardContentType(request)) {
            // Spring refuses to read a body of type "*/*" with an IllegalArgumentException: the client's mistake.
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type must name one type, such as application/json", List.of());
        }
        // Log the type and place only: an exception message may quote patient data.
        log.error("Unexpected {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed", List.of());
    }

    private static boolean wildcardContentType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            var media = org.springframework.http.MediaType.parseMediaType(type);
            return media.isWildcardType() || media.isWildcardSubtype();
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    record ApiFieldError(String field, String message) {
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail, List<ApiFieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String invalidValueMessage(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "must be one of " + List.of(type.getEnumConstants());
        }
        return "is not a valid " + simpleName(type);
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : Map.of(
                "OffsetDateTime", "ISO-8601 instant with offset",
                "Instant", "ISO-8601 instant",
                "Duration", "ISO-8601 duration (e.g. PT1H)",
                "LocalTime", "local time (HH:mm)",
                "LocalDate", "date (YYYY-MM-DD)",
                "UUID", "id").getOrDefault(type.getSimpleName(), type.getSimpleName());
    }

    private static String path(MismatchedInputException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
