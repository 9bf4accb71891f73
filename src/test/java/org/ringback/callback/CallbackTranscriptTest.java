package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.callback.CallbackFixtures.FRONT_DESK;
import static org.ringback.callback.CallbackFixtures.aCallback;
import static org.ringback.callback.CallbackFixtures.ny;
import static org.ringback.callback.CallbackTest.types;
import static org.ringback.callback.TimelineEvent.Type.CLOSED;
import static org.ringback.callback.TimelineEvent.Type.RECEIVED;
import static org.ringback.callback.TimelineEvent.Type.RED_FLAG_RAISED;
import static org.ringback.callback.TimelineEvent.Type.TRANSCRIPT_ADDED;
import static org.ringback.callback.TimelineEvent.Type.URGENCY_CHANGED;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringback.practice.ClosureOutcome;

class CallbackTranscriptTest {

    private static final Actor TWILIO = new Actor("twilio", false);

    @Test
    void aTranscriptExtendsTheReasonAndItsRedFlagRaisesAnOpenItem() {
        var given = aCallback().inCategory("BILLING").via(Channel.VOICEMAIL);
        var callback = given.build();

        callback.addTranscript("My chest pain is back", Urgency.EMERGENCY, List.of(new RedFlag("chest pain", "en", Urgency.EMERGENCY)),
                ny("2026-11-23T09:02"), given.context(), TWILIO);

        var s = callback.state();
        assertThat(s.reason()).contains("Call back please\n\nMy chest pain is back");
        assertThat(s.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(s.queue()).isEqualTo("CLINICAL");
        assertThat(s.repeatCount()).as("a transcript is not a repeat call").isZero();
        assertThat(s.redFlags()).extracting(RedFlag::phrase).containsExactly("chest pain");
        assertThat(types(callback)).containsExactly(RECEIVED, TRANSCRIPT_ADDED, RED_FLAG_RAISED, URGENCY_CHANGED);
    }

    @Test
    void aTranscriptWithoutFlagsLeavesTheUrgencyAlone() {
        var given = aCallback().withUrgency(Urgency.SAME_DAY);
        var callback = given.build();

        callback.addTranscript("Please call about my bill", Urgency.ROUTINE, List.of(), ny("2026-11-23T09:02"), given.context(), TWILIO);

        assertThat(callback.state().urgency()).isEqualTo(Urgency.SAME_DAY);
        assertThat(types(callback)).containsExactly(RECEIVED, TRANSCRIPT_ADDED);
    }

    @Test
    void aTranscriptForAClosedItemIsKeptButReopensNothing() {
        var given = aCallback();
        var callback = given.build();
        callback.close(ClosureOutcome.DUPLICATE, Optional.empty(), Map.of(), ny("2026-11-23T09:10"), given.context(), FRONT_DESK);

        callback.addTranscript("I have chest pain", Urgency.EMERGENCY, List.of(new RedFlag("chest pain", "en", Urgency.EMERGENCY)),
                ny("2026-11-23T09:12"), given.context(), TWILIO);

        assertThat(callback.state().status()).isEqualTo(Status.CLOSED);
        assertThat(callback.state().urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(callback.state().reason()).contains("Call back please\n\nI have chest pain");
        assertThat(types(callback)).containsExactly(RECEIVED, CLOSED, TRANSCRIPT_ADDED);
    }
}
