package org.ringback.webform;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the patient wants a call, in the words the form offers, and the practice category each one files under
 * (the default categories of the practice module).
 */
public enum ReasonChoice {
    APPOINTMENT("APPOINTMENT_REQUEST"),
    NEW_PATIENT("NEW_PATIENT_APPOINTMENT"),
    CHANGE_APPOINTMENT("RESCHEDULE"),
    CANCEL_APPOINTMENT("CANCELLATION"),
    PRESCRIPTION("PRESCRIPTION_ROUTE"),
    HEALTH_QUESTION("CLINICAL_CONCERN"),
    REFERRAL("REFERRAL_STATUS"),
    BILLING("BILLING"),
    INSURANCE("INSURANCE_ELIGIBILITY"),
    RECORDS("RECORDS_REQUEST"),
    OTHER("GENERAL_QUESTION");

    private final String category;

    ReasonChoice(String category) {
        this.category = category;
    }

    public String category() {
        return category;
    }

    public static Optional<ReasonChoice> of(String name) {
        return Arrays.stream(values()).filter(choice -> choice.name().equals(name)).findFirst();
    }
}
