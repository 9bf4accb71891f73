package org.ringback.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ringback.audit.AuditTrail;
import org.ringback.web.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for a practice's managers (and admins); anyone else gets 403, another practice 404.
 * <ul>
 *   <li>{@code GET /api/v1/practices/{practiceId}/audit[?from=&to=&actor=&subjectType=&subjectId=&after=&limit=]}
 *       → {@code {items: [{id, at, actor, action, subjectType, subjectId, remoteAddr}], next}}, oldest first;
 *       {@code from}/{@code to} are instants ({@code to} exclusive), {@code after} is the {@code next} of the
 *       previous page.</li>
 *   <li>The same with {@code Accept: text/csv} → every matching entry as a CSV download. The export is itself
 *       recorded in the trail.</li>
 *   <li>{@code GET /api/v1/practices/{practiceId}/audit/sign-ins[?from=&to=&actor=&after=&limit=]} → sign-ins
 *       (and failed ones) of the practice's people: {@code {id, at, username, method, outcome, remoteAddr}}.</li>
 * </ul>
 */
@RestController
class AuditController {

    private static final String CURSOR = "[0-9]{1,18}";

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(path = "/api/v1/practices/{practiceId}/audit", produces = "application/json")
    Page<AuditTrail.Entry> entries(@PathVariable UUID practiceId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                   @RequestParam(required = false) String actor, @RequestParam(required = false) String subjectType,
                                   @RequestParam(required = false) String subjectId,
                                   @RequestParam(defaultValue = "0") @Pattern(regexp = CURSOR, message = "must be the next of an earlier page") String after,
                                   @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        var filter = filter(from, to, actor, subjectType, subjectId);
        return page(trail.entries(practiceId, filter, Long.parseLong(after), limit), limit, AuditTrail.Entry::id);
    }

    @GetMapping(path = "/api/v1/practices/{practiceId}/audit", produces = "text/csv")
    void export(@PathVariable UUID practiceId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String subjectType,
                @RequestParam(required = false) String subjectId, HttpServletResponse response) throws IOException {
        var filter = filter(from, to, actor, subjectType, subjectId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + practiceId + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var format = CSVFormat.DEFAULT.builder().setHeader("id", "at", "actor", "action", "subjectType", "subjectId", "remoteAddr").get();
        try (CSVPrinter csv = new CSVPrinter(writer, format)) {
            trail.export(practiceId, filter, entry -> print(csv, entry.id(), entry.at(), entry.actor(), entry.action(),
                    entry.subjectType(), entry.subjectId(), entry.remoteAddr()));
        }
    }

    @GetMapping(path = "/api/v1/practices/{practiceId}/audit/sign-ins", produces = "application/json")
    Page<AuditTrail.SignIn> signIns(@PathVariable UUID practiceId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(defaultValue = "0") @Pattern(regexp = CURSOR, message = "must be the next of an earlier page") String after,
                                    @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        var filter = filter(from, to, actor, null, null);
        return page(trail.signIns(practiceId, filter, Long.parseLong(after), limit), limit, AuditTrail.SignIn::id);
    }

    private static AuditTrail.Filter filter(OffsetDateTime from, OffsetDateTime to, String actor, String subjectType, String subjectId) {
        return new AuditTrail.Filter(Optional.ofNullable(from).map(OffsetDateTime::toInstant),
                Optional.ofNullable(to).map(OffsetDateTime::toInstant), text(actor), text(subjectType), text(subjectId));
    }

    private static <T> Page<T> page(List<T> items, int limit, ToLongFunction<T> id) {
        String next = items.size() == limit ? Long.toString(id.applyAsLong(items.get(items.size() - 1))) : null;
        return new Page<>(items, next);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static void print(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
