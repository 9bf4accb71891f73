package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.Ladder;

/**
 * Over any sequence of attempt results: a dead number is never called again, a busy line gets at most one short
 * retry, reaching the patient always moves to the next step, and the ladder ends after its attempts.
 */
class DispositionProperties {

    private record Try(ContactMethod method, AttemptResult result) {
    }

    @Property(tries = 500)
    void aDeadNumberIsNeverProposedAgain(@ForAll("histories") List<Try> tries, @ForAll("ladders") Ladder ladder,
                                         @ForAll("consents") Consent consent, @ForAll boolean escalatesInstead) {
        var attempts = new ArrayList<Attempt>();
        boolean dead = false;
        for (Try t : tries) {
            attempts.add(attempt(attempts.size() + 1, t));
            dead |= t.method() == ContactMethod.PHONE
                    && (t.result() == AttemptResult.WRONG_NUMBER || t.result() == AttemptResult.DISCONNECTED);
            Disposition.Step step = Disposition.next(attempts, ladder, consent, escalatesInstead);
            if (dead) {
                assertThat(step).as("after a dead number").isNotIn(Disposition.Step.NEXT_WINDOW, Disposition.Step.SHORT_RETRY);
            }
        }
    }

    @Property(tries = 500)
    void aBusyLineGetsOneShortRetryAtMost(@ForAll("histories") List<Try> tries, @ForAll("ladders") Ladder ladder,
                                          @ForAll("consents") Consent consent) {
        var attempts = new ArrayList<Attempt>();
        int shortRetries = 0;
        for (Try t : tries) {
            attempts.add(attempt(attempts.size() + 1, t));
            if (Disposition.next(attempts, ladder, consent, false) == Disposition.Step.SHORT_RETRY) {
                shortRetries++;
                assertThat(t.result()).isEqualTo(AttemptResult.BUSY);
                assertThat(ladder.busyRetryAllowed()).isTrue();
            }
        }
        assertThat(shortRetries).isLessThanOrEqualTo(1);
    }

    @Property(tries = 300)
    void theResultDecidesTheStep(@ForAll("histories") List<Try> earlier, @ForAll("ladders") Ladder ladder,
                                 @ForAll("consents") Consent consent, @ForAll boolean escalatesInstead) {
        var attempts = new ArrayList<Attempt>();
        earlier.forEach(t -> attempts.add(attempt(attempts.size() + 1, t)));
        boolean reachedBefore = earlier.stream().anyMatch(t -> t.result() == AttemptResult.REACHED);

        var reached = new ArrayList<>(attempts);
        reached.add(attempt(reached.size() + 1, new Try(ContactMethod.PHONE, AttemptResult.REACHED)));
        assertThat(Disposition.next(reached, ladder, consent, escalatesInstead)).isEqualTo(Disposition.Step.NEXT_STEP_STAGE);

        var text = new ArrayList<>(attempts);
        text.add(attempt(text.size() + 1, new Try(ContactMethod.SMS, AttemptResult.MESSAGE_SENT)));
        assertThat(Disposition.next(text, ladder, consent, escalatesInstead))
                .isEqualTo(reachedBefore ? Disposition.Step.NEXT_STEP_STAGE : Disposition.Step.KEEP);

        var noAnswer = new ArrayList<>(attempts);
        noAnswer.add(attempt(noAnswer.size() + 1, new Try(ContactMethod.PHONE, AttemptResult.NO_ANSWER)));
        Disposition.Step step = Disposition.next(noAnswer, ladder, consent, escalatesInstead);
        if (!reachedBefore && !Disposition.numberDead(noAnswer)) {
            boolean spent = Disposition.rungs(noAnswer, ladder) >= ladder.maxAttempts();
            assertThat(step).isEqualTo(!spent ? Disposition.Step.NEXT_WINDOW
                    : escalatesInstead ? Disposition.Step.ESCALATE : Disposition.Step.CLOSE_UNREACHED);
        }

        var wrong = new ArrayList<>(attempts);
        wrong.add(attempt(wrong.size() + 1, new Try(ContactMethod.PHONE, AttemptResult.WRONG_NUMBER)));
        if (!reachedBefore) {
            boolean other = ladder.deadNumber() == Ladder.DeadNumber.OTHER_CHANNEL && Disposition.otherChannel(consent).isPresent();
            assertThat(Disposition.next(wrong, ladder, consent, escalatesInstead)).isEqualTo(other ? Disposition.Step.OTHER_CHANNEL
                    : escalatesInstead ? Disposition.Step.ESCALATE : Disposition.Step.CLOSE_WRONG_NUMBER);
        }
    }

    @Provide
    Arbitrary<List<Try>> histories() {
        Arbitrary<Try> one = Combinators.combine(
                Arbitraries.of(ContactMethod.PHONE, ContactMethod.PHONE, ContactMethod.PHONE, ContactMethod.SMS),
                Arbitraries.of(AttemptResult.NO_ANSWER, AttemptResult.LEFT_VOICEMAIL, AttemptResult.BUSY, AttemptResult.WRONG_NUMBER,
                        AttemptResult.DISCONNECTED, AttemptResult.MESSAGE_SENT, AttemptResult.REACHED)).as(Try::new);
        return one.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Ladder> ladders() {
        return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(0, 60),
                Arbitraries.of(Ladder.DeadNumber.class)).as((max, busy, dead) ->
                new Ladder(max, Duration.ofHours(2), true, Duration.ofMinutes(busy), dead));
    }

    @Provide
    Arbitrary<Consent> consents() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((sms, portal, email) -> new Consent(true, false, sms, portal, email));
    }

    private static Attempt attempt(int seq, Try t) {
        return new Attempt(seq, Instant.parse("2026-11-23T14:00:00Z").plusSeconds(seq * 600L), t.method(), "dana", t.result(),
                false, Optional.empty(), Optional.empty(), Optional.of("next"), Optional.empty(), Optional.empty());
    }
}
