package org.ringback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ringback.patient.Consent;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.JollydayHolidays;
import org.ringback.practice.OpeningInterval;

/**
 * The texting rules. New York is UTC-5 (EST) until 2026-03-08 and from 2026-11-01, UTC-4 (EDT) between; the clinic
 * is open Monday to Friday 08:00–17:00 with US public holidays (Thanksgiving is Thursday 2026-11-26).
 */
class TextingPolicyTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BusinessCalendar CLINIC = weekdays();
    static final Consent SMS = new Consent(true, false, true, false, false);
    static final TextingPolicy.Recipient CONSENTED = new TextingPolicy.Recipient(SMS, Optional.of("+16175550134"));

    static BusinessCalendar weekdays() {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(17, 0))));
        }
        return new BusinessCalendar(NEW_YORK, week, new JollydayHolidays("US"), Set.of(LocalDate.of(2026, 12, 24)));
    }

    static TextingPolicy.Verdict decide(TextingPolicy.Recipient recipient, String now) {
        return TextingPolicy.decide(recipient, true, Set.of(), CLINIC, Instant.parse(now));
    }

    @Nested
    class Consent_ {

        @Test
        void aPatientWithoutSmsConsentGetsNoText() {
            var voicemailOnly = new TextingPolicy.Recipient(new Consent(true, true, false, true, true), Optional.of("+16175550134"));

            assertThat(decide(voicemailOnly, "2026-11-23T15:00:00Z")).isEqualTo(new TextingPolicy.Suppress(SuppressionReason.NO_SMS_CONSENT));
        }

        @Test
        void anUnknownCallerGetsNoText() {
            assertThat(decide(TextingPolicy.Recipient.UNKNOWN_CALLER, "2026-11-23T15:00:00Z"))
                    .isEqualTo(new TextingPolicy.Suppress(SuppressionReason.NO_SMS_CONSENT));
        }

        @Test
        void consentWithoutANumberIsNoPhone() {
            assertThat(decide(new TextingPolicy.Recipient(SMS, Optional.empty()), "2026-11-23T15:00:00Z"))
                    .isEqualTo(new TextingPolicy.Suppress(SuppressionReason.NO_PHONE));
        }

        @Test
        void consentIsCheckedEvenForTextsStaffAskFor() {
            var noSms = new TextingPolicy.Recipient(Consent.UNKNOWN_CALLER, Optional.of("+16175550134"));

            assertThat(TextingPolicy.decide(noSms, false, Set.of(), CLINIC, Instant.parse("2026-11-23T15:00:00Z")))
                    .isEqualTo(new TextingPolicy.Suppress(SuppressionReason.NO_SMS_CONSENT));
        }
    }

    @Nested
    class Hours {

        @Test
        void inOpenHoursItGoesNow() {
            // Monday 10:00 EST.
            assertThat(decide(CONSENTED, "2026-11-23T15:00:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-23T15:00:00Z"), LocalDate.of(2026, 11, 23)));
        }

        @Test
        void afterClosingItWaitsForTheNextMorning() {
            // Monday 18:30 EST → Tuesday 08:00 EST.
            assertThat(decide(CONSENTED, "2026-11-23T23:30:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-24T13:00:00Z"), LocalDate.of(2026, 11, 24)));
        }

        @Test
        void beforeMidnightLocalButAfterMidnightUtcItIsStillTheLocalDay() {
            // Monday 16:59 EST is 21:59Z; Monday 19:30 EST is Tuesday 00:30Z → Tuesday 08:00 EST.
            assertThat(decide(CONSENTED, "2026-11-23T21:59:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-23T21:59:00Z"), LocalDate.of(2026, 11, 23)));
            assertThat(decide(CONSENTED, "2026-11-24T00:30:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-24T13:00:00Z"), LocalDate.of(2026, 11, 24)));
        }

        @Test
        void onAWeekendItWaitsForMonday() {
            // Saturday 2026-11-28 11:00 EST → Monday 2026-11-30 08:00 EST.
            assertThat(decide(CONSENTED, "2026-11-28T16:00:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-30T13:00:00Z"), LocalDate.of(2026, 11, 30)));
        }

        @Test
        void onAPublicHolidayItWaitsForTheNextBusinessDay() {
            // Thanksgiving, Thursday 2026-11-26 10:00 EST → Friday 08:00 EST.
            assertThat(decide(CONSENTED, "2026-11-26T15:00:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-27T13:00:00Z"), LocalDate.of(2026, 11, 27)));
        }

        @Test
        void onThePracticesOwnClosureItWaits() {
            // Christmas Eve (closed) then Christmas (holiday), 2026-12-24 10:00 EST → Monday 2026-12-28 08:00 EST.
            assertThat(decide(CONSENTED, "2026-12-24T15:00:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-12-28T13:00:00Z"), LocalDate.of(2026, 12, 28)));
        }

        @Test
        void overTheSpringDstChangeItOpensAtLocalEight() {
            // Saturday 2026-03-07 12:00 EST → Monday 2026-03-09 08:00 EDT (12:00Z, not 13:00Z).
            assertThat(decide(CONSENTED, "2026-03-07T17:00:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-03-09T12:00:00Z"), LocalDate.of(2026, 3, 9)));
        }

        @Test
        void overTheAutumnDstChangeItOpensAtLocalEight() {
            // Friday 2026-10-30 18:00 EDT → Monday 2026-11-02 08:00 EST (13:00Z).
            assertThat(decide(CONSENTED, "2026-10-30T22:00:00Z"))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-02T13:00:00Z"), LocalDate.of(2026, 11, 2)));
        }
    }

    @Nested
    class OnePerDay {

        static final Instant MONDAY_10 = Instant.parse("2026-11-23T15:00:00Z");

        @Test
        void aSecondAutomaticTextTheSameLocalDayIsSuppressed() {
            assertThat(TextingPolicy.decide(CONSENTED, true, Set.of(LocalDate.of(2026, 11, 23)), CLINIC, MONDAY_10))
                    .isEqualTo(new TextingPolicy.Suppress(SuppressionReason.DAILY_LIMIT));
        }

        @Test
        void yesterdaysTextDoesNotCount() {
            assertThat(TextingPolicy.decide(CONSENTED, true, Set.of(LocalDate.of(2026, 11, 22)), CLINIC, MONDAY_10))
                    .isInstanceOf(TextingPolicy.Send.class);
        }

        @Test
        void aDeferredTextCountsOnTheDayItGoesOut() {
            // Monday 18:00 EST, the patient already texted today: the text waits for Tuesday, which is still free.
            assertThat(TextingPolicy.decide(CONSENTED, true, Set.of(LocalDate.of(2026, 11, 23)), CLINIC, Instant.parse("2026-11-23T23:00:00Z")))
                    .isEqualTo(new TextingPolicy.Send(Instant.parse("2026-11-24T13:00:00Z"), LocalDate.of(2026, 11, 24)));
            // ...but not when Tuesday already has one.
            assertThat(TextingPolicy.decide(CONSENTED, true, Set.of(LocalDate.of(2026, 11, 24)), CLINIC, Instant.parse("2026-11-23T23:00:00Z")))
                    .isEqualTo(new TextingPolicy.Suppress(SuppressionReason.DAILY_LIMIT));
        }

        @Test
        void theLocalDayIsThePracticesNotUtcs() {
            // Monday 16:30 EST is 21:30Z Monday; a text already sent "Tuesday UTC" at Monday 19:30 EST would be Monday locally.
            assertThat(TextingPolicy.decide(CONSENTED, true, Set.of(LocalDate.of(2026, 11, 24)), CLINIC, Instant.parse("2026-11-23T21:30:00Z")))
                    .isInstanceOf(TextingPolicy.Send.class);
        }

        @Test
        void aTextStaffAskForIsNotLimited() {
            assertThat(TextingPolicy.decide(CONSENTED, false, Set.of(LocalDate.of(2026, 11, 23)), CLINIC, MONDAY_10))
                    .isInstanceOf(TextingPolicy.Send.class);
        }
    }

    @Nested
    class Backoff {

        final TextingPolicy.Backoff backoff = new TextingPolicy.Backoff(5, Duration.ofMinutes(1), Duration.ofMinutes(10));
        final Instant now = Instant.parse("2026-11-23T15:00:00Z");

        @Test
        void waitsDoubleUpToTheMaximum() {
            assertThat(backoff.nextTry(1, now)).contains(now.plus(Duration.ofMinutes(1)));
            assertThat(backoff.nextTry(2, now)).contains(now.plus(Duration.ofMinutes(2)));
            assertThat(backoff.nextTry(3, now)).contains(now.plus(Duration.ofMinutes(4)));
            assertThat(backoff.nextTry(4, now)).contains(now.plus(Duration.ofMinutes(8)));
        }

        @Test
        void theLastFailureMakesADeadLetter() {
            assertThat(backoff.nextTry(5, now)).isEmpty();
        }

        @Test
        void waitsAreCapped() {
            var long_ = new TextingPolicy.Backoff(100, Duration.ofMinutes(1), Duration.ofHours(1));
            assertThat(long_.nextTry(60, now)).contains(now.plus(Duration.ofHours(1)));
        }

        @Test
        void refusesNonsense() {
            assertThatThrownBy(() -> new TextingPolicy.Backoff(0, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
