package org.ringback.practice;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The real outcomes an item can close with (DESIGN.md); each category allows a subset. An attempt is
 * never an outcome. {@link #resolves()} tells whether the patient's issue counts as resolved.
 */
public enum ClosureOutcome {
    BOOKED, APPOINTMENT_CANCELLED, WAITING_ON_INFORMATION, ROUTED_FOR_REVIEW,
    EXPLANATION_PROVIDED, INFORMATION_REQUESTED, ACCOUNT_REVIEW_PENDING,
    REQUEST_RECEIVED, AUTHORIZATION_NEEDED, FULFILLMENT_TIMELINE_EXPLAINED,
    REFERRAL_UPDATE_GIVEN, PRESCRIPTION_ROUTED, QUESTION_ANSWERED,
    UNABLE_TO_REACH_AFTER_ATTEMPTS, ROUTED_PER_POLICY, DUPLICATE, WRONG_NUMBER, PATIENT_DECLINED;

    /** Allowed for every category (DESIGN.md): the ladder's own closure among them. */
    public static final Set<ClosureOutcome> FOR_ALL =
            Collections.unmodifiableSet(EnumSet.of(UNABLE_TO_REACH_AFTER_ATTEMPTS, ROUTED_PER_POLICY, DUPLICATE, WRONG_NUMBER, PATIENT_DECLINED));

    /** Closed without the patient's issue being dealt with: no contact, a duplicate, or a wrong number. */
    public boolean resolves() {
        return this != UNABLE_TO_REACH_AFTER_ATTEMPTS && this != DUPLICATE && this != WRONG_NUMBER;
    }

    /** Outcomes that need no category details: the item ends without the category's work being done. */
    public boolean endsWithoutDetails() {
        return this == UNABLE_TO_REACH_AFTER_ATTEMPTS || this == ROUTED_PER_POLICY || this == DUPLICATE
                || this == WRONG_NUMBER || this == PATIENT_DECLINED;
    }
}
