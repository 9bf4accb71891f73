package org.ringback.messaging.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.ringback.messaging.MessageStatus;
import org.ringback.messaging.Messaging;
import org.ringback.messaging.OutboundMessage;
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

/**
 * {@code GET /api/v1/practices/{practiceId}/messages[?status=&callbackId=&after=&limit=]} → {@code {items, next}}, newest
 * first: the practice's outbound messages with their status and, for SUPPRESSED and DEAD ones, the reason. Managers
 * see every status, dead letters included; other staff see all but DEAD ({@code status=DEAD} answers 403). Another
 * practice answers 404. {@code after} is the {@code next} of the previous page.
 * <p>{@code POST /api/v1/callbacks/{id}/messages/appointment-link} {@code {"link": "https://..."}} → 201 with the
 * queued (or suppressed) appointment-link text for the callback's patient.
 */
@RestController
@Validated
class MessageController {

    private static final String STATUSES = "QUEUED|SENDING|RETRYING|SENT|SUPPRESSED|DEAD";

    private final Messaging messaging;

    MessageController(Messaging messaging) {
        this.messaging = messaging;
    }

    record MessageView(String id, String practiceId, String callbackId, String patientId, String kind, String channel,
                       boolean automatic, String status, String reason, String to, String text, String language,
                       LocalDate localDay, Instant createdAt, Instant sendAt, int failures, String lastError, Instant sentAt) {

        static MessageView of(OutboundMessage m) {
            return new MessageView(m.id().toString(), m.practiceId().toString(), m.callbackId().map(UUID::toString).orElse(null),
                    m.patientId().map(UUID::toString).orElse(null), m.kind().name(), m.channel(), m.automatic(), m.status().name(),
                    m.reason().orElse(null), m.to().orElse(null), m.text().orElse(null), m.language().orElse(null),
                    m.localDay().orElse(null), m.createdAt(), m.sendAt(), m.failures(), m.lastError().orElse(null),
                    m.sentAt().orElse(null));
        }
    }

    record AppointmentLinkRequest(@NotNull URI link) {
    }

    /** Queues the approved appointment-link text for the callback's patient: 201 with the message (QUEUED or SUPPRESSED). */
    @PostMapping("/api/v1/callbacks/{id}/messages/appointment-link")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView appointmentLink(@PathVariable UUID id, @Valid @RequestBody AppointmentLinkRequest request) {
        return MessageView.of(messaging.queueAppointmentLink(id, request.link()));
    }

    @GetMapping("/api/v1/practices/{practiceId}/messages")
    Page<MessageView> list(@PathVariable UUID practiceId,
                           @RequestParam(required = false) @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
                           @RequestParam(required = false) UUID callbackId,
                           @RequestParam(defaultValue = "0") @Pattern(regexp = "[0-9]{1,18}", message = "must be the next of an earlier page") String after,
                           @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        var query = new Messaging.Query(Optional.ofNullable(status).map(MessageStatus::valueOf), Optional.ofNullable(callbackId),
                Long.parseLong(after), limit);
        List<OutboundMessage> page = messaging.list(practiceId, query);
        String next = page.size() == limit ? Long.toString(page.get(page.size() - 1).seq()) : null;
        return new Page<>(page.stream().map(MessageView::of).toList(), next);
    }
}
