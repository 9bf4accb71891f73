package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ringback.callback.CallbackFixtures.APPOINTMENT_REQUEST;
import static org.ringback.callback.CallbackFixtures.BILLING;
import static org.ringback.callback.CallbackFixtures.CLINICAL_CONCERN;
import static org.ringback.callback.CallbackFixtures.FRONT_DESK;
import static org.ringback.callback.CallbackFixtures.NURSE;
import static org.ringback.callback.CallbackFixtures.REFERRAL_STATUS;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringback.practice.ClosureOutcome;
import org.ringback.shared.Refusal;

/** Closure only with a real outcome the category allows, clinical items only by clinical staff, required notes filled. */
class ClosurePolicyTest {

    static final Map<String, String> SCHEDULING_NOTES = Map.of(
            "visitType", "Annual physical", "availability", "Weekday mornings",
            "providerPreference", "Dr. Rivera", "deadline", "2026-12-15");

    @Test
    void refusesAnOutcomeTheCategoryDoesNotAllowAndSaysWhichAreAllowed() {
        var refusal = catchThrowableOfType(Refusal.RuleViolation.class,
                () -> ClosurePolicy.check(BILLING, Urgency.ROUTINE, ClosureOutcome.BOOKED, FRONT_DESK, Map.of()));

        assertThat(refusal.errors()).extracting(Refusal.FieldError::field).containsExactly("outcome");
        assertThat(refusal.getMessage()).startsWith("The outcome BOOKED is not allowed for BILLING; allowed: [")
                .contains("ACCOUNT_REVIEW_PENDING", "EXPLANATION_PROVIDED", "PATIENT_DECLINED");
    }

    @Test
    void aDisallowedOutcomeIsReportedBeforeThePermissionQuestion() {
        // The user can fix the outcome; telling them first that they may not close would hide that.
        var refusal = catchThrowableOfType(Refusal.class,
                () -> ClosurePolicy.check(CLINICAL_CONCERN, Urgency.ROUTINE, ClosureOutcome.EXPLANATION_PROVIDED, FRONT_DESK, Map.of()));
        assertThat(refusal).isInstanceOf(Refusal.RuleViolation.class);
    }

    @Test
    void aClinicalCategoryIsClosedOnlyByClinicalStaff() {
        var refusal = catchThrowableOfType(Refusal.NotPermitted.class,
                () -> ClosurePolicy.check(CLINICAL_CONCERN, Urgency.ROUTINE, ClosureOutcome.QUESTION_ANSWERED, FRONT_DESK, Map.of()));
        assertThat(refusal).hasMessage("Only clinical staff may close a clinical item");

        assertThatNoException().isThrownBy(
                () -> ClosurePolicy.check(CLINICAL_CONCERN, Urgency.ROUTINE, ClosureOutcome.QUESTION_ANSWERED, NURSE, Map.of()));
    }

    @Test
    void evenADuplicateOfAClinicalItemIsClosedByClinicalStaff() {
        assertThat(catchThrowableOfType(Refusal.NotPermitted.class,
                () -> ClosurePolicy.check(CLINICAL_CONCERN, Urgency.ROUTINE, ClosureOutcome.DUPLICATE, FRONT_DESK, Map.of())))
                .isNotNull();
    }

    @ParameterizedTest(name = "{0} urgency")
    @EnumSource(value = Urgency.class, names = {"CLINICAL", "EMERGENCY"})
    void clinicalUrgencyMakesAnyCategoryClinical(Urgency urgency) {
        assertThat(catchThrowableOfType(Refusal.NotPermitted.class,
                () -> ClosurePolicy.check(BILLING, urgency, ClosureOutcome.EXPLANATION_PROVIDED, FRONT_DESK, Map.of())))
                .isNotNull();
        assertThatNoException().isThrownBy(
                () -> ClosurePolicy.check(BILLING, urgency, ClosureOutcome.EXPLANATION_PROVIDED, NURSE, Map.of()));
    }

    @ParameterizedTest(name = "{0} urgency")
    @EnumSource(value = Urgency.class, names = {"ROUTINE", "TIME_SENSITIVE", "DEADLINE", "SAME_DAY"})
    void nonClinicalUrgencyLeavesANonClinicalCategoryToAnyone(Urgency urgency) {
        assertThatNoException().isThrownBy(
                () -> ClosurePolicy.check(BILLING, urgency, ClosureOutcome.EXPLANATION_PROVIDED, FRONT_DESK, Map.of()));
    }

    @Test
    void bookingNeedsEverySchedulingNoteAndListsTheMissingOnesInTheCategorysOrder() {
        var refusal = catchThrowableOfType(Refusal.RuleViolation.class,
                () -> ClosurePolicy.check(APPOINTMENT_REQUEST, Urgency.ROUTINE, ClosureOutcome.BOOKED, FRONT_DESK, Map.of()));

        assertThat(refusal).hasMessage("Fill in the category's required notes before closing");
        assertThat(refusal.errors()).extracting(Refusal.FieldError::field)
                .containsExactly("details.visitType", "details.availability", "details.providerPreference", "details.deadline");
        assertThat(refusal.errors()).extracting(Refusal.FieldError::message).containsOnly("is required to close as BOOKED");
    }

    @Test
    void aBlankNoteCountsAsMissing() {
        var notes = new HashMap<>(SCHEDULING_NOTES);
        notes.put("deadline", "   ");
        var refusal = catchThrowableOfType(Refusal.RuleViolation.class,
                () -> ClosurePolicy.check(APPOINTMENT_REQUEST, Urgency.ROUTINE, ClosureOutcome.BOOKED, FRONT_DESK, notes));
        assertThat(refusal.errors()).extracting(Refusal.FieldError::field).containsExactly("details.deadline");
    }

    @Test
    void bookingWithEverySchedulingNoteIsAllowed() {
        assertThatNoException().isThrownBy(
                () -> ClosurePolicy.check(APPOINTMENT_REQUEST, Urgency.ROUTINE, ClosureOutcome.BOOKED, FRONT_DESK, SCHEDULING_NOTES));
    }

    @Test
    void referralNotesAreTheReferralCategorysOwn() {
        var refusal = catchThrowableOfType(Refusal.RuleViolation.class,
                () -> ClosurePolicy.check(REFERRAL_STATUS, Urgency.ROUTINE, ClosureOutcome.REFERRAL_UPDATE_GIVEN, FRONT_DESK,
                        Map.of("receiptStatus", "Received 11/20")));
        assertThat(refusal.errors()).extracting(Refusal.FieldError::field)
                .containsExactly("details.missingDocuments", "details.nextExpectedUpdate");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ClosureOutcome.class,
            names = {"UNABLE_TO_REACH_AFTER_ATTEMPTS", "ROUTED_PER_POLICY", "DUPLICATE", "WRONG_NUMBER", "PATIENT_DECLINED"})
    void outcomesThatEndWithoutTheCategorysWorkNeedNoNotes(ClosureOutcome outcome) {
        assertThat(outcome.endsWithoutDetails()).isTrue();
        assertThatNoException().isThrownBy(
                () -> ClosurePolicy.check(APPOINTMENT_REQUEST, Urgency.ROUTINE, outcome, FRONT_DESK, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ClosureOutcome.class, names = {"UNABLE_TO_REACH_AFTER_ATTEMPTS", "DUPLICATE", "WRONG_NUMBER"})
    void noContactDuplicatesAndWrongNumbersDoNotResolveTheIssue(ClosureOutcome outcome) {
        assertThat(outcome.resolves()).isFalse();
    }

    @Test
    void aRealOutcomeResolvesTheIssue() {
        assertThat(ClosureOutcome.BOOKED.resolves()).isTrue();
        assertThat(ClosureOutcome.EXPLANATION_PROVIDED.resolves()).isTrue();
        assertThat(ClosureOutcome.PATIENT_DECLINED.resolves()).isTrue();
    }
}
