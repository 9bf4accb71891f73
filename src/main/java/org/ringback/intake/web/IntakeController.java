package org.ringback.intake.web;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.callback.Channel;
import org.ringback.callback.Urgency;
import org.ringback.callback.web.CallbackView;
import org.ringback.intake.Intake;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /practices/{id}/callbacks}: 201 for a new item, 200 for a repeat call or a replayed idempotency key. */
@RestController
class IntakeController {

    record CallerJson(@Size(max = 40) String phone, @Size(max = 200) String name) {
    }

    record CallbackRequest(
            @NotNull Channel channel,
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a category code like APPOINTMENT_REQUEST") String category,
            Urgency urgency,
            UUID patientId,
            @Valid CallerJson caller,
            @Size(max = 20_000) String reason,
            OffsetDateTime receivedAt,
            @Size(max = 30) Map<@Size(max = 60) String, @Size(max = 1000) String> details,
            @Size(min = 1, max = 200) String idempotencyKey) {
    }

    private final Intake intake;

    IntakeController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/v1/practices/{practiceId}/callbacks")
    ResponseEntity<Object> receive(@PathVariable UUID practiceId, @Valid @RequestBody CallbackRequest request) {
        Optional<CallerJson> caller = Optional.ofNullable(request.caller());
        var outcome = intake.receive(new Intake.IntakeRequest(practiceId, request.channel(),
                Optional.ofNullable(request.category()), Optional.ofNullable(request.urgency()), Optional.ofNullable(request.patientId()),
                caller.map(CallerJson::phone).filter(p -> !p.isBlank()), caller.map(CallerJson::name).map(String::strip).filter(n -> !n.isEmpty()),
                Optional.ofNullable(request.reason()).map(String::strip).filter(r -> !r.isEmpty()),
                request.details() == null ? Map.of() : request.details(),
                Optional.ofNullable(request.receivedAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(request.idempotencyKey())));
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/callbacks/{id}").buildAndExpand(outcome.callback().id()).toUri();
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(CallbackView.of(outcome.callback(), true));
    }
}
