package org.ringback.fhir;

/** The URIs of the code and identifier systems Ringback uses in FHIR resources. */
final class Codes {

    private static final String BASE = "https://ringback.org/fhir/";

    /** A callback's id: the Task's business identifier. */
    static final String CALLBACK = BASE + "callback";
    /** A practice's id, naming the practice an outreach request is for. */
    static final String PRACTICE = BASE + "practice";
    /** A Ringback username (the named owner, the caller of an attempt). */
    static final String USER = BASE + "user";
    /** An owner queue (SCHEDULING, CLINICAL…). */
    static final String QUEUE = BASE + "queue";
    /** A practice's category codes (APPOINTMENT_REQUEST…). */
    static final String CATEGORY = BASE + "CodeSystem/category";
    /** Where a callback stands on the response ladder. */
    static final String LADDER_STEP = BASE + "CodeSystem/ladder-step";
    /** An attempt's result (NO_ANSWER, LEFT_VOICEMAIL…). */
    static final String ATTEMPT_RESULT = BASE + "CodeSystem/attempt-result";
    /** A closure outcome (BOOKED…). */
    static final String CLOSURE_OUTCOME = BASE + "CodeSystem/closure-outcome";
    /** Task inputs and outputs: the number to call, the attempts made. */
    static final String TASK_PARAMETER = BASE + "CodeSystem/task-parameter";

    static final String PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

    private Codes() {
    }
}
