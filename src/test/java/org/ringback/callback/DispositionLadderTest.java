package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.callback.CallbackFixtures.FRONT_DESK;
import static org.ringback.callback.CallbackFixtures.aCallback;
import static org.ringback.callback.CallbackFixtures.anAttempt;
import static org.ringback.callback.CallbackFixtures.ny;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ringback.patient.Consent;
import org.ringback.practice.ClosureOutcome;

/** The attempt's result decides the next step: busy gets one short retry, a dead number is not called again. */
class DispositionLadderTest {

    private static final Consent PHONE_ONLY = new Consent(true, false, false, false, false);
    private static final Consent TEXT_TOO = new Consent(true, false, true, false, false);

    @Test
    void aFirstBusySignalGetsAShortRetryInTheSameWindowThatIsNotARung() {
        var given = aCallback().inCategory("BILLING").receivedAt(ny("2026-11-23T09:00"));
        Callback callback = given.build();

        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.BUSY));
        // 09:30 + 15 minutes, still in the MORNING window.
        assertThat(callback.state().nextActionAt()).contains(ny("2026-11-23T09:45"));

        record(callback, given, anAttempt().at(ny("2026-11-23T09:45")).result(AttemptResult.NO_ANSWER));
        record(callback, given, anAttempt().at(ny("2026-11-23T14:00")).result(AttemptResult.NO_ANSWER));
        assertThat(callback.state().status()).as("busy did not use up a rung: two of three failed").isEqualTo(Status.IN_PROGRESS);

        record(callback, given, anAttempt().at(ny("2026-11-24T08:30")).result(AttemptResult.NO_ANSWER));
        assertThat(callback.state().closure()).map(Closure::outcome).contains(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS);
    }

    @Test
    void aSecondBusySignalFollowsTheLadder() {
        var given = aCallback().inCategory("BILLING").receivedAt(ny("2026-11-23T09:00"));
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.BUSY));
        record(callback, given, anAttempt().at(ny("2026-11-23T09:45")).result(AttemptResult.BUSY));

        // The ladder: no sooner than 2 hours, in a window not yet tried (MORNING was): MIDDAY from 11:45.
        assertThat(callback.state().nextActionAt()).contains(ny("2026-11-23T11:45"));
    }

    @Test
    void aWrongNumberWithTextConsentMovesToATextNow() {
        var given = aCallback().inCategory("BILLING").receivedAt(ny("2026-11-23T09:00")).withConsent(TEXT_TOO);
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.WRONG_NUMBER));

        assertThat(callback.state().status().isOpen()).isTrue();
        assertThat(callback.state().nextAction()).hasValueSatisfying(action -> assertThat(action).contains("a text"));
        assertThat(callback.state().nextActionAt()).contains(ny("2026-11-23T09:30"));
    }

    @Test
    void aDeadNumberWithoutAnotherChannelClosesAsWrongNumber() {
        var given = aCallback().inCategory("BILLING").receivedAt(ny("2026-11-23T09:00")).withConsent(PHONE_ONLY);
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.DISCONNECTED));

        assertThat(callback.state().closure()).map(Closure::outcome).contains(ClosureOutcome.WRONG_NUMBER);
        assertThat(callback.state().resolvedAt()).as("a wrong number resolves nothing").isEmpty();
    }

    @Test
    void aClinicalItemWithADeadNumberEscalatesInsteadOfClosing() {
        var given = aCallback().inCategory("CLINICAL_CONCERN").receivedAt(ny("2026-11-23T09:00")).withConsent(PHONE_ONLY);
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.WRONG_NUMBER));

        assertThat(callback.state().status().isOpen()).isTrue();
        assertThat(callback.state().escalationLevel()).isEqualTo(1);
    }

    private static void record(Callback callback, CallbackFixtures.CallbackBuilder given, CallbackFixtures.AttemptBuilder attempt) {
        callback.recordAttempt(attempt.build(), given.context(), FRONT_DESK, attempt.at().plus(Duration.ofMinutes(1)));
    }
}
