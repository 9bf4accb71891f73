package org.ringback.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.callback.Actor;
import org.ringback.callback.Channel;
import org.ringback.intake.Intake;
import org.ringback.practice.PracticeDirectory;
import org.springframework.stereotype.Component;

/**
 * Turns one stored webhook into intake. A call's status makes (or, as a repeat call, joins) an item under the
 * idempotency key of its CallSid; the transcription finds that item by the same key and adds its text, and the
 * red-flag screen runs on it. A transcript whose call status never came makes the voicemail item itself.
 *
 * <p>An unknown caller is not made a patient: the item keeps the caller's number (and the caller-ID name when
 * Twilio sends one), and intake matches a patient by that number when exactly one has it. Staff register the
 * patient once they have spoken to them; caller ID alone does not prove who someone is.
 */
@Component
class InboxProcessor {

    /** The result of handling one webhook. */
    sealed interface Result {
        record Done(UUID callbackId) implements Result {
        }

        /** Nothing to do, with a reason that carries no patient data. */
        record Ignored(String why) implements Result {
        }

        /** A transcript whose call status is stored but not handled yet: try again after it. */
        record Waiting() implements Result {
        }
    }

    static final Actor TWILIO = new Actor("twilio", false);

    private final Intake intake;
    private final PracticeDirectory practices;
    private final Inbox inbox;

    InboxProcessor(Intake intake, PracticeDirectory practices, Inbox inbox) {
        this.intake = intake;
        this.practices = practices;
        this.inbox = inbox;
    }

    Result process(Inbox.Row row) {
        Map<String, String> params = row.params();
        Optional<String> caller = TwilioWebhooks.caller(params, practices.find(row.practiceId()).phoneRegion());
        if (caller.isEmpty()) {
            return new Result.Ignored("The caller's number is withheld or not a valid number");
        }
        String key = idempotencyKey(row.callSid());
        if (row.kind() == WebhookKind.VOICE) {
            boolean voicemail = !params.getOrDefault("RecordingUrl", "").isBlank();
            return receive(row, caller.get(), voicemail ? Channel.VOICEMAIL : Channel.MISSED_CALL, Optional.empty());
        }
        String transcript = params.getOrDefault("TranscriptionText", "").strip();
        var enriched = intake.addTranscript(row.practiceId(), key, transcript, TWILIO);
        if (enriched.isPresent()) {
            return new Result.Done(enriched.get().id());
        }
        if (inbox.pending(row.practiceId(), row.callSid(), WebhookKind.VOICE)) {
            return new Result.Waiting();
        }
        return receive(row, caller.get(), Channel.VOICEMAIL, Optional.of(transcript));
    }

    private Result receive(Inbox.Row row, String caller, Channel channel, Optional<String> reason) {
        Map<String, String> params = row.params();
        var details = new LinkedHashMap<String, String>();
        details.put("twilioCallSid", row.callSid());
        Optional.ofNullable(params.get("RecordingUrl")).filter(url -> !url.isBlank()).ifPresent(url -> details.put("recordingUrl", url));
        Optional<String> callerName = Optional.ofNullable(params.get("CallerName")).map(String::strip).filter(name -> !name.isEmpty());
        var outcome = intake.receive(new Intake.IntakeRequest(row.practiceId(), channel, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(caller), callerName, reason, details, Optional.of(row.receivedAt()),
                Optional.of(idempotencyKey(row.callSid()))), TWILIO);
        return new Result.Done(outcome.callback().id());
    }

    /** One key per call for every door: the status and the transcription of one call meet on it. */
    static String idempotencyKey(String callSid) {
        return "twilio:" + callSid;
    }
}
