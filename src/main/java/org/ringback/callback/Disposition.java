package org.ringback.callback;

import java.util.List;
import java.util.Optional;

import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.Ladder;

/**
 * The disposition-driven ladder (issue 4): the result of an attempt decides the next step, as the category's
 * {@link Ladder} configures it. NO_ANSWER and LEFT_VOICEMAIL go to the next call window; the first BUSY gets one
 * short retry in the same window (when the category allows one) that is not a rung of the ladder; WRONG_NUMBER and
 * DISCONNECTED stop calls to the number for good (another consented channel, else WRONG_NUMBER, or an escalation for
 * items that must not close unreached); REACHED moves to the next-step stage. Plain Java: no clock, no Spring.
 */
public final class Disposition {

    /** What comes after an attempt. */
    public enum Step {
        /** The next rung of the ladder, in a call window not yet tried. */
        NEXT_WINDOW,
        /** One short retry in the same window after a busy line. */
        SHORT_RETRY,
        /** The number does not work: reach the patient on another consented channel, never by calling it. */
        OTHER_CHANNEL,
        /** The number does not work and there is no other way: close as WRONG_NUMBER. */
        CLOSE_WRONG_NUMBER,
        /** The ladder is spent (or the number dead) on an item that must not close unreached. */
        ESCALATE,
        /** The ladder is spent: close as UNABLE_TO_REACH_AFTER_ATTEMPTS with the final message. */
        CLOSE_UNREACHED,
        /** The patient was reached: staff set the pace of the next step. */
        NEXT_STEP_STAGE,
        /** A text, portal message or email goes with the calls: the next call time stays as it was. */
        KEEP
    }

    private Disposition() {
    }

    /**
     * The step after the last of {@code attempts} (all of the item's attempts, in order, the new one last).
     *
     * @param escalatesInstead clinical or referral-sensitive items, which escalate instead of closing unreached
     */
    public static Step next(List<Attempt> attempts, Ladder ladder, Consent consent, boolean escalatesInstead) {
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("no attempt to dispose of");
        }
        Attempt last = attempts.get(attempts.size() - 1);
        if (attempts.stream().anyMatch(a -> a.result().reached())) {
            return Step.NEXT_STEP_STAGE;
        }
        if (last.method() != ContactMethod.PHONE) {
            return Step.KEEP;
        }
        if (numberDead(attempts)) {
            if (ladder.deadNumber() == Ladder.DeadNumber.OTHER_CHANNEL && otherChannel(consent).isPresent()) {
                return Step.OTHER_CHANNEL;
            }
            return escalatesInstead ? Step.ESCALATE : Step.CLOSE_WRONG_NUMBER;
        }
        if (last.result() == AttemptResult.BUSY && ladder.busyRetryAllowed() && busySignals(attempts) == 1) {
            return Step.SHORT_RETRY;
        }
        if (rungs(attempts, ladder) >= ladder.maxAttempts()) {
            return escalatesInstead ? Step.ESCALATE : Step.CLOSE_UNREACHED;
        }
        return Step.NEXT_WINDOW;
    }

    /** True once a call found the number wrong or disconnected: it is not called again on this item. */
    public static boolean numberDead(List<Attempt> attempts) {
        return attempts.stream().anyMatch(a -> a.method() == ContactMethod.PHONE
                && (a.result() == AttemptResult.WRONG_NUMBER || a.result() == AttemptResult.DISCONNECTED));
    }

    /** Phone attempts that count as rungs: every one but the first BUSY when it got its short retry. */
    public static int rungs(List<Attempt> attempts, Ladder ladder) {
        int phone = (int) attempts.stream().filter(a -> a.method() == ContactMethod.PHONE).count();
        return ladder.busyRetryAllowed() && busySignals(attempts) > 0 ? phone - 1 : phone;
    }

    /** The channel to use instead of a dead number, in order of preference, if the patient consented to one. */
    public static Optional<String> otherChannel(Consent consent) {
        return consent.sms() ? Optional.of("a text") : consent.portal() ? Optional.of("the portal")
                : consent.email() ? Optional.of("email") : Optional.empty();
    }

    private static long busySignals(List<Attempt> attempts) {
        return attempts.stream().filter(a -> a.method() == ContactMethod.PHONE && a.result() == AttemptResult.BUSY).count();
    }
}
