package org.ringback.callback;

/** What an item waits on. Only waiting on the patient pauses the resolution clock; the rest stays the owner's to chase. */
public enum WaitingOn {
    PATIENT, REFERRAL_DOCUMENTS, INSURANCE_VERIFICATION, PROVIDER_REVIEW, PATIENT_FORM, OTHER_INTERNAL;

    Status status() {
        return this == PATIENT ? Status.WAITING_ON_PATIENT : Status.WAITING_ON_INTERNAL;
    }

    boolean pausesResolutionClock() {
        return this == PATIENT;
    }
}
