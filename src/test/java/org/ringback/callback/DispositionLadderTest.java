package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.callback.CallbackFixtures.FRONT_DESK;
import static org.ringback.callback.CallbackFixtures.aCallback;
import static org.ringback.callback.CallbackFixtures.anAttempt;
import static org.ringback.callback.CallbackFixtures.ny;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.Ladder;

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

    @Test
    void theBusyRetryDelayIsTheCategorys() {
        var given = aCallback().inCategory(billingWith(Duration.ofMinutes(5), Ladder.DeadNumber.OTHER_CHANNEL)).receivedAt(ny("2026-11-23T09:00"));
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.BUSY));

        assertThat(callback.state().nextActionAt()).contains(ny("2026-11-23T09:35"));
    }

    @Test
    void withoutAShortRetryABusySignalIsARungOfTheLadder() {
        var given = aCallback().inCategory(billingWith(Duration.ZERO, Ladder.DeadNumber.OTHER_CHANNEL)).receivedAt(ny("2026-11-23T09:00"));
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.BUSY));
        // The ladder: two hours later, in a window not yet tried.
        assertThat(callback.state().nextActionAt()).contains(ny("2026-11-23T11:30"));

        record(callback, given, anAttempt().at(ny("2026-11-23T11:30")).result(AttemptResult.NO_ANSWER));
        record(callback, given, anAttempt().at(ny("2026-11-23T14:00")).result(AttemptResult.NO_ANSWER));
        assertThat(callback.state().closure()).map(Closure::outcome).contains(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS);
    }

    @Test
    void noAnswerAndVoicemailMoveToTheNextWindowAndReachingMovesToTheNextStep() {
        var given = aCallback().inCategory("BILLING").receivedAt(ny("2026-11-23T09:00"));
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.LEFT_VOICEMAIL).leavingMessage());
        assertThat(callback.state().nextActionAt()).contains(ny("2026-11-23T11:30"));

        record(callback, given, anAttempt().at(ny("2026-11-23T11:30")).result(AttemptResult.REACHED).nextAction("Book the visit"));
        assertThat(callback.state().nextActionAt()).as("once reached, staff set the pace").isEmpty();
        assertThat(callback.state().nextAction()).contains("Book the visit");
        assertThat(callback.state().status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aCategoryMayCloseADeadNumberAtOnceEvenWithAnotherChannel() {
        var given = aCallback().inCategory(billingWith(Ladder.DEFAULT_BUSY_RETRY, Ladder.DeadNumber.CLOSE))
                .receivedAt(ny("2026-11-23T09:00")).withConsent(TEXT_TOO);
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.WRONG_NUMBER));

        assertThat(callback.state().closure()).map(Closure::outcome).contains(ClosureOutcome.WRONG_NUMBER);
    }

    @Test
    void aWrongNumberIsNeverProposedAgain() {
        var given = aCallback().inCategory("BILLING").receivedAt(ny("2026-11-23T09:00")).withConsent(TEXT_TOO);
        Callback callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).result(AttemptResult.WRONG_NUMBER));
        record(callback, given, anAttempt().by(ContactMethod.SMS).at(ny("2026-11-23T09:40")).result(AttemptResult.MESSAGE_SENT)
                .nextAction("Wait for the reply"));
        // Someone calls the number anyway: the ladder still does not propose a call, it sends them to the text.
        record(callback, given, anAttempt().at(ny("2026-11-23T14:00")).result(AttemptResult.NO_ANSWER));

        assertThat(callback.state().status().isOpen()).isTrue();
        assertThat(callback.state().nextAction()).hasValueSatisfying(action -> assertThat(action).contains("a text").contains("does not work"));
        assertThat(callback.timeline()).filteredOn(e -> e.type() == TimelineEvent.Type.NUMBER_NOT_WORKING).hasSize(1);
        assertThat(callback.timeline()).filteredOn(e -> e.type() == TimelineEvent.Type.NEXT_ATTEMPT_SCHEDULED).isEmpty();
    }

    private static Category billingWith(Duration busyRetry, Ladder.DeadNumber deadNumber) {
        Category c = CallbackFixtures.category("BILLING");
        return new Category(c.code(), c.name(), c.queue(), c.responseWindow(), c.resolutionTarget(),
                c.ladder().withDispositions(busyRetry, deadNumber), c.requiredFields(), c.closureOutcomes(), c.clinical(),
                c.referralSensitive());
    }

    private static void record(Callback callback, CallbackFixtures.CallbackBuilder given, CallbackFixtures.AttemptBuilder attempt) {
        callback.recordAttempt(attempt.build(), given.context(), FRONT_DESK, attempt.at().plus(Duration.ofMinutes(1)));
    }
}
