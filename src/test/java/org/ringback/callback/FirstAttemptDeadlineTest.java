package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.callback.CallbackFixtures.CLINIC;
import static org.ringback.callback.CallbackFixtures.MONDAY_0900;
import static org.ringback.callback.CallbackFixtures.NEXT_DAY_CLOSE;
import static org.ringback.callback.CallbackFixtures.NEXT_DAY_NOON;
import static org.ringback.callback.CallbackFixtures.SAME_DAY_BY_3PM;
import static org.ringback.callback.CallbackFixtures.WITHIN_ONE_HOUR;
import static org.ringback.callback.CallbackFixtures.ny;
import static org.ringback.callback.CallbackFixtures.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringback.practice.ResponseWindow;

/**
 * The first attempt's due time: the category's window, shortened by urgency, never lengthened (DESIGN.md "Urgency").
 * Clinic of {@link CallbackFixtures}: Mon–Fri 08–12 and 13–17 New York, Thanksgiving Thu 2026-11-26 and
 * Thu 2026-12-24 closed. Mon 2026-11-23 is EST (UTC-5).
 */
class FirstAttemptDeadlineTest {

    static Instant due(ResponseWindow window, Urgency urgency, Instant receivedAt) {
        return FirstAttemptDeadline.dueAt(window, urgency, receivedAt, CLINIC);
    }

    // --- the category's window, as ROUTINE keeps it

    @Test
    void sameDayBeforeTheCutoffIsDueAtThatDaysClose() {
        // Mon 09:00 EST, before the 15:00 cutoff → Mon 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, MONDAY_0900)).isEqualTo(utc("2026-11-23T22:00:00Z"));
    }

    @Test
    void sameDayAfterTheCutoffIsDueAtTheNextBusinessDaysClose() {
        // Mon 16:00 EST, after the cutoff → Tue 17:00 EST = 2026-11-24T22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-11-23T16:00"))).isEqualTo(utc("2026-11-24T22:00:00Z"));
    }

    @Test
    void sameDayExactlyAtTheCutoffIsNotBeforeIt() {
        // Mon 15:00 EST is not "before 15:00" → Tue 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-11-23T15:00"))).isEqualTo(utc("2026-11-24T22:00:00Z"));
    }

    @Test
    void sameDayBeforeOpeningIsDueThatSameDay() {
        // Mon 07:00 EST, before the cutoff and before close → Mon 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-11-23T07:00"))).isEqualTo(utc("2026-11-23T22:00:00Z"));
    }

    @Test
    void sameDayAfterTheCutoffSkipsThanksgiving() {
        // Wed 11-25 16:00 EST → Thu is Thanksgiving → Fri 11-27 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-11-25T16:00"))).isEqualTo(utc("2026-11-27T22:00:00Z"));
    }

    @Test
    void sameDayReceivedOnAHolidayIsDueTheNextBusinessDay() {
        // Thu 11-26 09:00 EST (Thanksgiving, no close that day) → Fri 11-27 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-11-26T09:00"))).isEqualTo(utc("2026-11-27T22:00:00Z"));
    }

    @Test
    void sameDayReceivedAtTheWeekendIsDueMonday() {
        // Sat 11-21 10:00 EST → Mon 11-23 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-11-21T10:00"))).isEqualTo(utc("2026-11-23T22:00:00Z"));
    }

    @Test
    void sameDayAfterTheCutoffSkipsThePracticesOwnClosure() {
        // Wed 12-23 16:00 EST → Thu 12-24 closed → Fri 12-25 (this test clinic observes only Thanksgiving) 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-12-23T16:00"))).isEqualTo(utc("2026-12-25T22:00:00Z"));
    }

    @Test
    void nextBusinessDayWindows() {
        // Mon 09:00 EST → Tue 17:00 EST = 22:00Z; by noon → Tue 12:00 EST = 17:00Z.
        assertThat(due(NEXT_DAY_CLOSE, Urgency.ROUTINE, MONDAY_0900)).isEqualTo(utc("2026-11-24T22:00:00Z"));
        assertThat(due(NEXT_DAY_NOON, Urgency.ROUTINE, MONDAY_0900)).isEqualTo(utc("2026-11-24T17:00:00Z"));
        // Wed 11-25 → skips Thanksgiving → Fri 11-27 17:00 EST = 22:00Z.
        assertThat(due(NEXT_DAY_CLOSE, Urgency.ROUTINE, ny("2026-11-25T10:00"))).isEqualTo(utc("2026-11-27T22:00:00Z"));
    }

    @Test
    void withinABusinessDurationBridgesLunch() {
        // Mon 09:00 EST + 4 business hours: 09–12 (3h) + 13–14 (1h) → 14:00 EST = 19:00Z.
        assertThat(due(new ResponseWindow.Within(Duration.ofHours(4)), Urgency.ROUTINE, MONDAY_0900))
                .isEqualTo(utc("2026-11-23T19:00:00Z"));
    }

    // --- urgency shortens

    @Test
    void clinicalIsDueWithinOneBusinessHour() {
        // SAME_DAY window says Mon 17:00; CLINICAL says Mon 09:00 + 1h = 10:00 EST = 15:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.CLINICAL, MONDAY_0900)).isEqualTo(utc("2026-11-23T15:00:00Z"));
    }

    @Test
    void clinicalBusinessHourDoesNotCountLunch() {
        // Mon 11:30 EST: 11:30–12:00 (30 min) + 13:00–13:30 → 13:30 EST = 18:30Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.CLINICAL, ny("2026-11-23T11:30"))).isEqualTo(utc("2026-11-23T18:30:00Z"));
    }

    @Test
    void clinicalReceivedAfterHoursStartsCountingAtTheNextOpening() {
        // Mon 18:00 EST: window → Tue 17:00; CLINICAL → Tue 08:00 + 1h = 09:00 EST = 2026-11-24T14:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.CLINICAL, ny("2026-11-23T18:00"))).isEqualTo(utc("2026-11-24T14:00:00Z"));
    }

    @Test
    void emergencyIsDueInFifteenWallClockMinutes() {
        // Mon 09:00 EST + 15 min = 09:15 EST = 14:15Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.EMERGENCY, MONDAY_0900)).isEqualTo(utc("2026-11-23T14:15:00Z"));
        // Over lunch: Mon 12:10 EST + 15 min = 12:25 EST = 17:25Z, although the practice is closed then.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.EMERGENCY, ny("2026-11-23T12:10"))).isEqualTo(utc("2026-11-23T17:25:00Z"));
        // At night: Mon 22:00 EST = Tue 03:00Z + 15 min = 03:15Z; business hours do not delay an emergency.
        assertThat(due(NEXT_DAY_CLOSE, Urgency.EMERGENCY, ny("2026-11-23T22:00"))).isEqualTo(utc("2026-11-24T03:15:00Z"));
    }

    @Test
    void timeSensitiveAndDeadlineAreDueWithinFourBusinessHours() {
        // NEXT_DAY_CLOSE says Tue 17:00; 4 business hours from Mon 09:00 → 14:00 EST = 19:00Z.
        assertThat(due(NEXT_DAY_CLOSE, Urgency.TIME_SENSITIVE, MONDAY_0900)).isEqualTo(utc("2026-11-23T19:00:00Z"));
        assertThat(due(NEXT_DAY_CLOSE, Urgency.DEADLINE, MONDAY_0900)).isEqualTo(utc("2026-11-23T19:00:00Z"));
    }

    @Test
    void sameDayUrgencyIsDueByTodaysCloseWhateverTheCutoff() {
        // Mon 16:00 EST, past the category's 15:00 cutoff, but the patient awaits an answer today → 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.SAME_DAY, ny("2026-11-23T16:00"))).isEqualTo(utc("2026-11-23T22:00:00Z"));
        // Mon 17:30 EST, after close → Tue 17:00 EST = 2026-11-24T22:00Z.
        assertThat(due(NEXT_DAY_CLOSE, Urgency.SAME_DAY, ny("2026-11-23T17:30"))).isEqualTo(utc("2026-11-24T22:00:00Z"));
    }

    // --- urgency never lengthens

    @ParameterizedTest(name = "{0}")
    @EnumSource(Urgency.class)
    void urgencyNeverLengthensAOneHourWindow(Urgency urgency) {
        // Within 1 business hour from Mon 09:00 → 10:00 EST = 15:00Z; TIME_SENSITIVE's 4h or SAME_DAY's close must not win.
        Instant expected = urgency == Urgency.EMERGENCY ? utc("2026-11-23T14:15:00Z") : utc("2026-11-23T15:00:00Z");
        assertThat(due(WITHIN_ONE_HOUR, urgency, MONDAY_0900)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Urgency.class)
    void noUrgencyIsLaterThanTheCategoryWindow(Urgency urgency) {
        for (ResponseWindow window : List.of(SAME_DAY_BY_3PM, NEXT_DAY_CLOSE, NEXT_DAY_NOON, WITHIN_ONE_HOUR)) {
            for (Instant received : List.of(MONDAY_0900, ny("2026-11-23T16:30"), ny("2026-11-25T18:00"), ny("2026-11-21T11:00"))) {
                assertThat(due(window, urgency, received)).as(window + " received " + received)
                        .isBeforeOrEqualTo(window.dueAt(received, CLINIC));
            }
        }
    }

    // --- daylight saving time

    @Test
    void sameDayAfterSpringForwardIsDueAtFiveInTheAfternoonLocal() {
        // Mon 2026-03-09, the day after the change to EDT (UTC-4): 09:00 EDT = 13:00Z → 17:00 EDT = 21:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-03-09T09:00"))).isEqualTo(utc("2026-03-09T21:00:00Z"));
    }

    @Test
    void sameDayAfterTheCutoffOnTheFridayBeforeSpringForward() {
        // Fri 2026-03-06 16:00 EST (21:00Z) → Mon 03-09 17:00 EDT = 21:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-03-06T16:00"))).isEqualTo(utc("2026-03-09T21:00:00Z"));
    }

    @Test
    void clinicalHourAcrossSpringForward() {
        // Fri 03-06 16:30 EST: 30 min Friday + 30 min from Mon 08:00 EDT → 08:30 EDT = 2026-03-09T12:30Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.CLINICAL, ny("2026-03-06T16:30"))).isEqualTo(utc("2026-03-09T12:30:00Z"));
    }

    @Test
    void sameDayAfterTheCutoffOnTheFridayBeforeFallBack() {
        // Fri 2026-10-30 16:00 EDT (20:00Z) → Mon 11-02 17:00 EST = 22:00Z.
        assertThat(due(SAME_DAY_BY_3PM, Urgency.ROUTINE, ny("2026-10-30T16:00"))).isEqualTo(utc("2026-11-02T22:00:00Z"));
    }
}
