package org.ringback.practice;

import static org.ringback.practice.ClosureOutcome.*;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The categories every new practice starts with (DESIGN.md), editable afterwards. */
final class DefaultCategories {

    private static final List<String> SCHEDULING_FIELDS = List.of("visitType", "availability", "providerPreference", "deadline");

    private static final ResponseWindow SAME_DAY = new ResponseWindow.SameDay(LocalTime.of(15, 0));
    private static final ResponseWindow NEXT_DAY_NOON = new ResponseWindow.NextBusinessDay(LocalTime.NOON);
    private static final ResponseWindow NEXT_DAY_CLOSE = new ResponseWindow.NextBusinessDay(null);

    private DefaultCategories() {
    }

    static List<Category> all() {
        return List.of(
                category("NEW_PATIENT_APPOINTMENT", "New patient appointment", "SCHEDULING", SAME_DAY, 16, SCHEDULING_FIELDS, scheduling()),
                category("APPOINTMENT_REQUEST", "Appointment request", "SCHEDULING", SAME_DAY, 16, SCHEDULING_FIELDS, scheduling()),
                category("RESCHEDULE", "Reschedule", "SCHEDULING", SAME_DAY, 16, List.of("visitType", "availability"), scheduling()),
                category("CANCELLATION", "Cancellation", "SCHEDULING", new ResponseWindow.Within(Duration.ofHours(4)), 8,
                        List.of(), with(APPOINTMENT_CANCELLED, BOOKED)),
                new Category("REFERRAL_STATUS", "Referral status", "REFERRALS", NEXT_DAY_NOON, Duration.ofHours(24), Ladder.DEFAULT,
                        List.of("receiptStatus", "missingDocuments", "nextExpectedUpdate"),
                        with(REFERRAL_UPDATE_GIVEN, WAITING_ON_INFORMATION, ROUTED_FOR_REVIEW), false, true),
                category("INSURANCE_ELIGIBILITY", "Insurance eligibility", "BILLING", NEXT_DAY_CLOSE, 24,
                        List.of("plan", "questionType", "verificationNeeded"), billing()),
                category("INTAKE_FORM", "Intake form", "FRONT_DESK", NEXT_DAY_CLOSE, 16, List.of(),
                        with(REQUEST_RECEIVED, INFORMATION_REQUESTED, QUESTION_ANSWERED)),
                category("RECORDS_REQUEST", "Records request", "FRONT_DESK", NEXT_DAY_CLOSE, 40, List.of(),
                        with(REQUEST_RECEIVED, AUTHORIZATION_NEEDED, FULFILLMENT_TIMELINE_EXPLAINED)),
                category("BILLING", "Billing", "BILLING", NEXT_DAY_CLOSE, 24, List.of(), billing()),
                new Category("PRESCRIPTION_ROUTE", "Prescription question", "CLINICAL", SAME_DAY, Duration.ofHours(8), Ladder.DEFAULT,
                        List.of(), with(PRESCRIPTION_ROUTED, ROUTED_FOR_REVIEW), true, false),
                new Category("CLINICAL_CONCERN", "Clinical concern", "CLINICAL", new ResponseWindow.Within(Duration.ofHours(1)),
                        Duration.ofHours(8), new Ladder(3, Duration.ofMinutes(30), false), List.of(),
                        with(ROUTED_FOR_REVIEW, QUESTION_ANSWERED, BOOKED), true, false),
                category("POST_VISIT_FOLLOW_UP", "Post-visit follow-up", "FRONT_DESK", NEXT_DAY_CLOSE, 16, List.of(),
                        with(QUESTION_ANSWERED, ROUTED_FOR_REVIEW, BOOKED)),
                category("TELEHEALTH_ACCESS", "Telehealth access", "FRONT_DESK", new ResponseWindow.Within(Duration.ofHours(1)), 4,
                        List.of(), with(QUESTION_ANSWERED, BOOKED)),
                category("MISSED_CALL", "Missed call (reason unknown)", "FRONT_DESK", SAME_DAY, 16, List.of(),
                        with(BOOKED, QUESTION_ANSWERED, EXPLANATION_PROVIDED, REQUEST_RECEIVED, ROUTED_FOR_REVIEW)),
                category("GENERAL_QUESTION", "General question", "FRONT_DESK", NEXT_DAY_CLOSE, 16, List.of(),
                        with(QUESTION_ANSWERED, ROUTED_FOR_REVIEW)));
    }

    private static Category category(String code, String name, String queue, ResponseWindow window, int resolutionHours,
                                     List<String> requiredFields, Set<ClosureOutcome> outcomes) {
        return new Category(code, name, queue, window, Duration.ofHours(resolutionHours), Ladder.DEFAULT,
                requiredFields, outcomes, false, false);
    }

    private static Set<ClosureOutcome> scheduling() {
        return with(BOOKED, WAITING_ON_INFORMATION, ROUTED_FOR_REVIEW);
    }

    private static Set<ClosureOutcome> billing() {
        return with(EXPLANATION_PROVIDED, INFORMATION_REQUESTED, ACCOUNT_REVIEW_PENDING);
    }

    /** The category's own outcomes; {@link Category} adds the ones allowed for all. */
    private static Set<ClosureOutcome> with(ClosureOutcome first, ClosureOutcome... more) {
        return EnumSet.of(first, more);
    }
}
