package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ringback.callback.CallbackFixtures.APPOINTMENT_REQUEST;
import static org.ringback.callback.CallbackFixtures.FRONT_DESK;
import static org.ringback.callback.CallbackFixtures.aCallback;
import static org.ringback.callback.CallbackFixtures.anAttempt;
import static org.ringback.callback.CallbackFixtures.ny;
import static org.ringback.callback.CallbackTest.record;
import static org.ringback.callback.CallbackTest.types;
import static org.ringback.callback.SlaEvent.Clock.FIRST_ATTEMPT;
import static org.ringback.callback.SlaEvent.Clock.RESOLUTION;
import static org.ringback.callback.SlaEvent.Type.BREACHED;
import static org.ringback.callback.SlaEvent.Type.FULFILLED;
import static org.ringback.callback.SlaEvent.Type.PAUSED;
import static org.ringback.callback.SlaEvent.Type.RESUMED;
import static org.ringback.callback.SlaEvent.Type.STARTED;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.ResponseWindow;
import org.ringback.shared.Refusal;

/** The aggregate records its clocks as events, and its due times are what those events say. */
class CallbackClocksTest {

    record Step(SlaEvent.Clock clock, SlaEvent.Type type) {
    }

    static List<Step> steps(Callback callback) {
        return callback.slaEvents().stream().map(e -> new Step(e.clock(), e.type())).toList();
    }

    static Category withWindow(Category c, ResponseWindow window, Duration resolution) {
        return new Category(c.code(), c.name(), c.queue(), window, resolution, c.ladder(), c.requiredFields(), c.closureOutcomes(),
                c.clinical(), c.referralSensitive());
    }

    @Test
    void receivingStartsBothClocksWithTheCategorysTargets() {
        var callback = aCallback().build();

        assertThat(callback.slaEvents()).extracting(SlaEvent::clock, SlaEvent::type, e -> e.target().map(SlaTarget::text).orElse(""))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FIRST_ATTEMPT, STARTED, "SAME_DAY 15:00"),
                        org.assertj.core.groups.Tuple.tuple(RESOLUTION, STARTED, "BUSINESS PT16H"));
        // Same day by 17:00 EST; 16 business hours: Wed 09:00 EST.
        assertThat(callback.state().firstAttemptDueAt()).isEqualTo(ny("2026-11-23T17:00"));
        assertThat(callback.state().resolutionDueAt()).isEqualTo(ny("2026-11-25T09:00"));
    }

    @Test
    void anUrgentRequestAddsItsLimitAsACap() {
        var callback = aCallback().withUrgency(Urgency.CLINICAL).build();

        assertThat(callback.slaEvents()).filteredOn(SlaEvent::cap).singleElement()
                .satisfies(cap -> assertThat(cap.target().map(SlaTarget::text)).contains("WITHIN PT1H"));
        assertThat(callback.state().firstAttemptDueAt()).isEqualTo(ny("2026-11-23T10:00"));
    }

    @Test
    void raisingTheUrgencyRecordsALimitFromThatMoment() {
        var given = aCallback();
        var callback = given.build();

        callback.changeUrgency(Urgency.CLINICAL, "chest pain", ny("2026-11-23T11:30"), given.context(), FRONT_DESK);

        // 11:30 + 1 business hour over lunch: 13:30.
        assertThat(callback.state().firstAttemptDueAt()).isEqualTo(ny("2026-11-23T13:30"));
        assertThat(callback.slaEvents()).filteredOn(SlaEvent::cap).singleElement()
                .satisfies(cap -> assertThat(cap.at()).isEqualTo(ny("2026-11-23T11:30")));
    }

    @Test
    void theFirstAttemptFulfilsTheFirstAttemptClockOnce() {
        var given = aCallback();
        var callback = given.build();

        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")));
        record(callback, given, anAttempt().at(ny("2026-11-23T14:30")));

        assertThat(steps(callback)).containsOnlyOnce(new Step(FIRST_ATTEMPT, FULFILLED));
        assertThat(steps(callback)).doesNotContain(new Step(RESOLUTION, FULFILLED));
    }

    @Test
    void waitingOnThePatientPausesOnlyTheResolutionClockAndResumingMovesItsDueTime() {
        var given = aCallback();
        var callback = given.build();

        callback.waitOn(WaitingOn.PATIENT, Optional.empty(), Optional.empty(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK);
        assertThat(steps(callback)).endsWith(new Step(RESOLUTION, PAUSED));
        assertThat(callback.state().resolutionPausedSince()).contains(ny("2026-11-23T10:00"));
        assertThat(callback.timeline().get(callback.timeline().size() - 1).detail()).containsEntry("resolutionClock", "PAUSED");

        callback.resume(ny("2026-11-24T10:00"), given.context(), FRONT_DESK);

        assertThat(steps(callback)).endsWith(new Step(RESOLUTION, PAUSED), new Step(RESOLUTION, RESUMED));
        // 8 business hours paused: Wed 09:00 → Fri 09:00 (Thanksgiving in between).
        assertThat(callback.state().resolutionDueAt()).isEqualTo(ny("2026-11-27T09:00"));
        assertThat(callback.timeline().get(callback.timeline().size() - 1).detail())
                .containsEntry("resolutionClock", "RESUMED").containsEntry("pausedMinutes", "480");
    }

    @Test
    void anInternalWaitDoesNotPauseAndNeedsAFollowUpDate() {
        var given = aCallback();
        var callback = given.build();

        var refusal = catchThrowableOfType(Refusal.InvalidInput.class, () -> callback.waitOn(WaitingOn.REFERRAL_DOCUMENTS,
                Optional.empty(), Optional.empty(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK));
        assertThat(refusal.errors()).extracting(Refusal.FieldError::field).containsExactly("expectedBy");
        assertThat(callback.state().status()).isEqualTo(Status.NEW);

        callback.waitOn(WaitingOn.REFERRAL_DOCUMENTS, Optional.empty(), Optional.of(LocalDate.of(2026, 11, 25)),
                ny("2026-11-23T10:00"), given.context(), FRONT_DESK);

        assertThat(steps(callback)).doesNotContain(new Step(RESOLUTION, PAUSED));
        assertThat(callback.state().waitingExpectedBy()).contains(LocalDate.of(2026, 11, 25));
    }

    @Test
    void closingFulfilsBothClocksAndEndsAPause() {
        var given = aCallback();
        var callback = given.build();
        callback.waitOn(WaitingOn.PATIENT, Optional.empty(), Optional.empty(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK);

        callback.close(ClosureOutcome.PATIENT_DECLINED, Optional.empty(), Map.of(), ny("2026-11-23T15:00"), given.context(), FRONT_DESK);

        assertThat(steps(callback)).endsWith(new Step(RESOLUTION, RESUMED), new Step(FIRST_ATTEMPT, FULFILLED),
                new Step(RESOLUTION, FULFILLED));
    }

    @Test
    void aBreachIsRecordedOnceWhenTheSweepFindsTheClockOverdue() {
        var given = aCallback();
        var callback = given.build();

        assertThat(callback.recordBreaches(ny("2026-11-23T16:59"), given.context())).isEmpty();
        assertThat(callback.recordBreaches(ny("2026-11-23T17:01"), given.context())).containsExactly(FIRST_ATTEMPT);
        assertThat(callback.recordBreaches(ny("2026-11-23T17:30"), given.context())).isEmpty();

        assertThat(steps(callback)).containsOnlyOnce(new Step(FIRST_ATTEMPT, BREACHED));
        assertThat(types(callback)).containsOnlyOnce(TimelineEvent.Type.SLA_BREACHED);
    }

    @Test
    void aPausedResolutionClockDoesNotBreach() {
        var given = aCallback();
        var callback = given.build();
        record(callback, given, anAttempt().at(ny("2026-11-23T09:30")).reached().nextAction("Wait for her"));
        callback.waitOn(WaitingOn.PATIENT, Optional.empty(), Optional.empty(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK);

        assertThat(callback.recordBreaches(ny("2026-12-10T10:00"), given.context())).isEmpty();
    }

    @Test
    void aNewCategoryWindowRecomputesTheDueTimesFromTheSameEvents() {
        var given = aCallback();
        var callback = given.build();
        callback.waitOn(WaitingOn.PATIENT, Optional.empty(), Optional.empty(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK);
        callback.resume(ny("2026-11-24T10:00"), given.context(), FRONT_DESK);
        var changed = given.inCategory(withWindow(APPOINTMENT_REQUEST, new ResponseWindow.Within(Duration.ofHours(4)), Duration.ofHours(8)));

        boolean moved = callback.recomputeClocks(ny("2026-11-24T11:00"), changed.context(), Actor.SYSTEM);

        assertThat(moved).isTrue();
        // Mon 09:00 + 4 business hours (lunch skipped) = 14:00.
        assertThat(callback.state().firstAttemptDueAt()).isEqualTo(ny("2026-11-23T14:00"));
        // Mon 09:00 + 8h target + the 8h paused, kept: Wed 09:00.
        assertThat(callback.state().resolutionDueAt()).isEqualTo(ny("2026-11-25T09:00"));
        assertThat(callback.state().resolutionPaused()).isEqualTo(Duration.ofHours(8));
        assertThat(types(callback)).endsWith(TimelineEvent.Type.DUE_TIMES_RECOMPUTED);
        assertThat(callback.recomputeClocks(ny("2026-11-24T11:05"), changed.context(), Actor.SYSTEM))
                .as("the same targets again change nothing").isFalse();
    }

    @Test
    void aClosedItemIsNotRecomputed() {
        var given = aCallback();
        var callback = given.build();
        callback.close(ClosureOutcome.DUPLICATE, Optional.empty(), Map.of(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK);
        var before = callback.state();

        var changed = given.inCategory(withWindow(APPOINTMENT_REQUEST, new ResponseWindow.Within(Duration.ofHours(1)), Duration.ofHours(2)));

        assertThat(callback.recomputeClocks(ny("2026-11-24T11:00"), changed.context(), Actor.SYSTEM)).isFalse();
        assertThat(callback.state()).isEqualTo(before);
    }

    @Test
    void anItemStoredBeforeClocksWereEventsGetsThemFromItsTimeline() {
        var given = aCallback();
        var original = given.build();
        original.waitOn(WaitingOn.PATIENT, Optional.empty(), Optional.empty(), ny("2026-11-23T10:00"), given.context(), FRONT_DESK);
        original.resume(ny("2026-11-24T10:00"), given.context(), FRONT_DESK);
        var legacy = new Callback(original.state(), original.attempts(), original.timeline());

        legacy.recomputeClocks(ny("2026-11-24T11:00"), given.context(), Actor.SYSTEM);

        assertThat(steps(legacy)).containsExactly(new Step(FIRST_ATTEMPT, STARTED), new Step(RESOLUTION, STARTED),
                new Step(RESOLUTION, PAUSED), new Step(RESOLUTION, RESUMED));
        assertThat(legacy.state().resolutionDueAt()).isEqualTo(ny("2026-11-27T09:00"));
        assertThat(legacy.unsavedSlaEvents()).hasSize(4);
    }
}
