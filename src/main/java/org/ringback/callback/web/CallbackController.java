package org.ringback.callback.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.BoardCursor;
import org.ringback.callback.BoardFilter;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackDesk;
import org.ringback.callback.Status;
import org.ringback.callback.Urgency;
import org.ringback.callback.WaitingOn;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;
import org.ringback.shared.Refusal;
import org.ringback.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The callback workflow over JSON: translate, call the desk, answer with the representation. */
@RestController
@Validated
class CallbackController {

    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    record AttemptRequest(
            @NotNull ContactMethod method,
            @NotNull OffsetDateTime at,
            @NotNull AttemptResult result,
            boolean messageLeft,
            @Size(max = 40) String script,
            @Size(max = 2000) String patientResponse,
            @Size(max = 500) String nextAction,
            @Size(max = 30) Map<@Size(max = 60) String, @Size(max = 1000) String> details,
            Integer version,
            Duration duration) {
    }

    record AssignRequest(@Pattern(regexp = CODE) String queue, @Size(min = 1, max = 40) String owner, Integer version) {
    }

    record WaitRequest(@NotNull WaitingOn on, @Size(max = 1000) String note, LocalDate expectedBy, Integer version) {
    }

    record VersionRequest(Integer version) {
    }

    record CloseRequest(@NotNull ClosureOutcome outcome, @Size(max = 2000) String note,
                        @Size(max = 30) Map<@Size(max = 60) String, @Size(max = 1000) String> details,
                        @NotNull Integer version) {
    }

    record EscalateRequest(@NotBlank @Size(max = 1000) String reason, Integer version) {
    }

    record UrgencyRequest(@NotNull Urgency urgency, @NotBlank @Size(max = 1000) String reason, Integer version) {
    }

    record NextStepRequest(@Size(max = 1000) String note, Integer version) {
    }

    private final CallbackDesk desk;

    CallbackController(CallbackDesk desk) {
        this.desk = desk;
    }

    /** Open items in board order: urgency (highest first), then earliest due. {@code status=OPEN} is the default. */
    @GetMapping("/api/v1/practices/{practiceId}/callbacks")
    Page<CallbackView> board(@PathVariable UUID practiceId,
                             @RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|NEW|IN_PROGRESS|WAITING_ON_PATIENT|WAITING_ON_INTERNAL|CLOSED",
                                     message = "must be OPEN or a status") String status,
                             @RequestParam(required = false) @Pattern(regexp = CODE, message = "must be UPPER_SNAKE") String queue,
                             @RequestParam(required = false) @Size(max = 40) String owner,
                             @RequestParam(required = false) @Pattern(regexp = CODE, message = "must be UPPER_SNAKE") String category,
                             @RequestParam(required = false) @Size(max = 200) String cursor,
                             @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        var filter = new BoardFilter("OPEN".equals(status) ? Optional.empty() : Optional.of(Status.valueOf(status)),
                Optional.ofNullable(queue), Optional.ofNullable(owner), Optional.ofNullable(category));
        List<Callback> page = desk.board(practiceId, filter, BoardCursor.decode(cursor), limit + 1);
        List<CallbackView> items = page.stream().limit(limit).map(callback -> CallbackView.of(callback, false)).toList();
        String next = null;
        if (page.size() > limit) {
            var last = page.get(limit - 1).state();
            next = new BoardCursor(last.urgency().ordinal(), last.boardDueAt(), last.id()).encode();
        }
        return new Page<>(items, next);
    }

    @GetMapping("/api/v1/callbacks/{id}")
    CallbackView get(@PathVariable UUID id) {
        return CallbackView.of(desk.get(id), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    CallbackView attempt(@PathVariable UUID id, @Valid @RequestBody AttemptRequest request) {
        var report = new Callback.AttemptReport(request.method(), request.at().toInstant(), request.result(), request.messageLeft(),
                text(request.script()), text(request.patientResponse()), text(request.nextAction()),
                request.details() == null ? Map.of() : request.details(), Optional.ofNullable(request.duration()));
        if (request.duration() != null && (request.duration().isNegative() || request.duration().toHours() >= 4)) {
            throw new Refusal.InvalidInput("duration", "must be between zero and four hours");
        }
        return CallbackView.of(desk.recordAttempt(id, report, Optional.ofNullable(request.version())), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/assign")
    CallbackView assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        if (request.queue() == null && request.owner() == null) {
            throw new Refusal.InvalidInput("queue", "give a queue, an owner or both");
        }
        return CallbackView.of(desk.assign(id, Optional.ofNullable(request.queue()), text(request.owner()),
                Optional.ofNullable(request.version())), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/wait")
    CallbackView waitOn(@PathVariable UUID id, @Valid @RequestBody WaitRequest request) {
        return CallbackView.of(desk.waitOn(id, request.on(), text(request.note()), Optional.ofNullable(request.expectedBy()),
                Optional.ofNullable(request.version())), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/resume")
    CallbackView resume(@PathVariable UUID id, @Valid @RequestBody(required = false) VersionRequest request) {
        return CallbackView.of(desk.resume(id, Optional.ofNullable(request).map(VersionRequest::version)), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/close")
    CallbackView close(@PathVariable UUID id, @Valid @RequestBody CloseRequest request) {
        return CallbackView.of(desk.close(id, request.outcome(), text(request.note()),
                request.details() == null ? Map.of() : request.details(), request.version()), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/escalate")
    CallbackView escalate(@PathVariable UUID id, @Valid @RequestBody EscalateRequest request) {
        return CallbackView.of(desk.escalate(id, request.reason().strip(), Optional.ofNullable(request.version())), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/urgency")
    CallbackView urgency(@PathVariable UUID id, @Valid @RequestBody UrgencyRequest request) {
        return CallbackView.of(desk.changeUrgency(id, request.urgency(), request.reason().strip(), Optional.ofNullable(request.version())), true);
    }

    @PostMapping("/api/v1/callbacks/{id}/next-step")
    CallbackView nextStep(@PathVariable UUID id, @Valid @RequestBody(required = false) NextStepRequest request) {
        var body = Optional.ofNullable(request);
        return CallbackView.of(desk.markNextStepDone(id, body.map(NextStepRequest::note).flatMap(CallbackController::text),
                body.map(NextStepRequest::version)), true);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
