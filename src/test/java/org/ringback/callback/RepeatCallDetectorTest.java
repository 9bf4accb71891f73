package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringback.callback.RepeatCallDetector.Decision.AttachTo;
import org.ringback.callback.RepeatCallDetector.Decision.FirstCall;
import org.ringback.callback.RepeatCallDetector.Decision.SecondCallOf;
import org.ringback.callback.RepeatCallDetector.Prior;

class RepeatCallDetectorTest {

    private static final Instant NOW = Instant.parse("2025-03-17T14:00:00Z");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final String BILLING = "BILLING";
    private static final String RESCHEDULE = "RESCHEDULE";
    private static final String MISSED_CALL = "MISSED_CALL";

    private final RepeatCallDetector detector = new RepeatCallDetector(RepeatCallDetector.DEFAULT_LOOKBACK);

    private static Prior open(UUID id, String category, Instant receivedAt) {
        return new Prior(id, category, true, receivedAt, Optional.empty());
    }

    private static Prior closed(UUID id, String category, Instant receivedAt, Instant closedAt) {
        return new Prior(id, category, false, receivedAt, Optional.of(closedAt));
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    @Test
    void theDefaultLookBackIsFourteenDays() {
        assertThat(RepeatCallDetector.DEFAULT_LOOKBACK).isEqualTo(FOURTEEN_DAYS);
    }

    @Test
    void noPriorsIsAFirstCall() {
        assertThat(detector.decide(BILLING, NOW, List.of())).isEqualTo(new FirstCall());
    }

    @Test
    void anOpenItemOfTheSameCategoryWithinTheLookBackTakesTheNewRequest() {
        Prior prior = open(id(1), BILLING, NOW.minus(Duration.ofDays(3)));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new AttachTo(id(1)));
    }

    @Test
    void anOpenItemReceivedExactlyFourteenDaysBeforeStillTakesTheNewRequest() {
        Prior prior = open(id(1), BILLING, NOW.minus(FOURTEEN_DAYS));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new AttachTo(id(1)));
    }

    @Test
    void anOpenItemReceivedFourteenDaysAndOneSecondBeforeIsOutsideTheLookBack() {
        Prior prior = open(id(1), BILLING, NOW.minus(FOURTEEN_DAYS).minus(ONE_SECOND));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new FirstCall());
    }

    @Test
    void anOpenItemRecordedJustAfterTheNewRequestStillTakesIt() {
        Prior lateWebhook = open(id(1), BILLING, NOW.plus(Duration.ofMinutes(2)));

        assertThat(detector.decide(BILLING, NOW, List.of(lateWebhook))).isEqualTo(new AttachTo(id(1)));
    }

    @Test
    void anOpenItemRecordedMoreThanTheLookBackAfterTheNewRequestDoesNotTakeIt() {
        Prior prior = open(id(1), BILLING, NOW.plus(FOURTEEN_DAYS).plus(ONE_SECOND));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new FirstCall());
    }

    @Test
    void anOpenItemOfAnotherCategoryNeverTakesTheNewRequest() {
        Prior prior = open(id(1), RESCHEDULE, NOW.minus(Duration.ofHours(1)));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new FirstCall());
    }

    @Test
    void aMissedCallOfUnknownSubjectJoinsTheCallersOpenItemOfAnyCategoryAndTheOtherWayRound() {
        Prior billing = open(id(1), BILLING, NOW.minus(Duration.ofHours(1)));
        Prior missedCall = open(id(2), MISSED_CALL, NOW.minus(Duration.ofHours(2)));

        assertThat(detector.decide(MISSED_CALL, NOW, List.of(billing))).isEqualTo(new AttachTo(id(1)));
        assertThat(detector.decide(RESCHEDULE, NOW, List.of(missedCall))).isEqualTo(new AttachTo(id(2)));
    }

    @Test
    void anExactCategoryMatchWinsOverAMissedCallOfUnknownSubject() {
        Prior missedCall = open(id(1), MISSED_CALL, NOW.minus(Duration.ofMinutes(5)));
        Prior billing = open(id(2), BILLING, NOW.minus(Duration.ofDays(2)));

        assertThat(detector.decide(BILLING, NOW, List.of(missedCall, billing))).isEqualTo(new AttachTo(id(2)));
    }

    @Test
    void aMissedCallAfterAClosedItemOfAnyCategoryIsASecondCall() {
        Prior closedBilling = closed(id(1), BILLING, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));

        assertThat(detector.decide(MISSED_CALL, NOW, List.of(closedBilling))).isEqualTo(new SecondCallOf(id(1)));
        assertThat(detector.decide(RESCHEDULE, NOW, List.of(closedBilling))).isEqualTo(new FirstCall());
    }

    @Test
    void anItemClosedWithinTheLookBackMakesASecondCall() {
        Prior prior = closed(id(1), BILLING, NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(4)));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new SecondCallOf(id(1)));
    }

    @Test
    void anItemClosedExactlyFourteenDaysBeforeMakesASecondCall() {
        Prior prior = closed(id(1), BILLING, NOW.minus(Duration.ofDays(15)), NOW.minus(FOURTEEN_DAYS));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new SecondCallOf(id(1)));
    }

    @Test
    void anItemClosedFourteenDaysAndOneSecondBeforeIsOutsideTheLookBack() {
        Prior prior = closed(id(1), BILLING, NOW.minus(Duration.ofDays(15)),
                NOW.minus(FOURTEEN_DAYS).minus(ONE_SECOND));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new FirstCall());
    }

    @Test
    void theClosureTimeNotTheReceiptTimeDecidesASecondCall() {
        Prior longRunning = closed(id(1), BILLING, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(2)));

        assertThat(detector.decide(BILLING, NOW, List.of(longRunning))).isEqualTo(new SecondCallOf(id(1)));
    }

    @Test
    void aClosedItemOfAnotherCategoryIsNotASecondCall() {
        Prior prior = closed(id(1), RESCHEDULE, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new FirstCall());
    }

    @Test
    void aClosedItemWithoutAClosureTimeIsIgnored() {
        Prior prior = new Prior(id(1), BILLING, false, NOW.minus(Duration.ofDays(1)), Optional.empty());

        assertThat(detector.decide(BILLING, NOW, List.of(prior))).isEqualTo(new FirstCall());
    }

    @Test
    void anOpenItemWinsOverARecentlyClosedOne() {
        Prior closedYesterday = closed(id(1), BILLING, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
        Prior openSinceLastWeek = open(id(2), BILLING, NOW.minus(Duration.ofDays(7)));

        assertThat(detector.decide(BILLING, NOW, List.of(closedYesterday, openSinceLastWeek)))
                .isEqualTo(new AttachTo(id(2)));
    }

    @Test
    void anOpenItemOutsideTheLookBackLeavesRoomForASecondCall() {
        Prior staleOpen = open(id(1), BILLING, NOW.minus(Duration.ofDays(30)));
        Prior closedRecently = closed(id(2), BILLING, NOW.minus(Duration.ofDays(6)), NOW.minus(Duration.ofDays(5)));

        assertThat(detector.decide(BILLING, NOW, List.of(staleOpen, closedRecently)))
                .isEqualTo(new SecondCallOf(id(2)));
    }

    @Test
    void ofSeveralOpenItemsTheMostRecentlyReceivedTakesTheRequest() {
        Prior older = open(id(1), BILLING, NOW.minus(Duration.ofDays(10)));
        Prior newest = open(id(2), BILLING, NOW.minus(Duration.ofDays(1)));
        Prior middle = open(id(3), BILLING, NOW.minus(Duration.ofDays(4)));
        Prior otherCategoryNewer = open(id(4), RESCHEDULE, NOW.minus(Duration.ofHours(1)));

        assertThat(detector.decide(BILLING, NOW, List.of(older, newest, middle, otherCategoryNewer)))
                .isEqualTo(new AttachTo(id(2)));
        assertThat(detector.decide(BILLING, NOW, List.of(otherCategoryNewer, middle, newest, older)))
                .isEqualTo(new AttachTo(id(2)));
    }

    @Test
    void ofSeveralClosedItemsTheMostRecentlyClosedIsTheOneCalledAgainAbout() {
        Prior receivedLastClosedFirst = closed(id(1), BILLING, NOW.minus(Duration.ofDays(3)),
                NOW.minus(Duration.ofDays(2)));
        Prior receivedFirstClosedLast = closed(id(2), BILLING, NOW.minus(Duration.ofDays(9)),
                NOW.minus(Duration.ofHours(5)));

        assertThat(detector.decide(BILLING, NOW, List.of(receivedLastClosedFirst, receivedFirstClosedLast)))
                .isEqualTo(new SecondCallOf(id(2)));
    }

    @Test
    void anExactTieGoesToTheSmallestIdWhateverTheOrder() {
        Instant sameTime = NOW.minus(Duration.ofDays(1));
        Prior a = open(id(7), BILLING, sameTime);
        Prior b = open(id(3), BILLING, sameTime);

        assertThat(detector.decide(BILLING, NOW, List.of(a, b))).isEqualTo(new AttachTo(id(3)));
        assertThat(detector.decide(BILLING, NOW, List.of(b, a))).isEqualTo(new AttachTo(id(3)));
    }

    @Test
    void aShorterLookBackIsHonoured() {
        RepeatCallDetector twoDays = new RepeatCallDetector(Duration.ofDays(2));
        Prior threeDaysAgo = open(id(1), BILLING, NOW.minus(Duration.ofDays(3)));

        assertThat(twoDays.decide(BILLING, NOW, List.of(threeDaysAgo))).isEqualTo(new FirstCall());
        assertThat(detector.decide(BILLING, NOW, List.of(threeDaysAgo))).isEqualTo(new AttachTo(id(1)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -86_400})
    void theLookBackMustBePositive(long seconds) {
        assertThatThrownBy(() -> new RepeatCallDetector(Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
