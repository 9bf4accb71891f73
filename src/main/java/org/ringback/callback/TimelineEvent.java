package org.ringback.callback;

import java.time.Instant;
import java.util.Map;

/** One past-tense entry of an item's timeline: what happened, when, by whom, with its reason or data. */
public record TimelineEvent(int seq, Type type, Instant at, String actor, Map<String, String> detail) {

    public enum Type {
        RECEIVED, REPEAT_CALL_ATTACHED, RED_FLAG_RAISED, ATTEMPT_RECORDED, NEXT_ATTEMPT_SCHEDULED, ASSIGNED,
        WAITING_STARTED, RESUMED, ESCALATED, URGENCY_CHANGED, NEXT_STEP_DONE, CLOSED,
        TRANSCRIPT_ADDED,
        SLA_BREACHED, DUE_TIMES_RECOMPUTED
    }

    public TimelineEvent {
        detail = Map.copyOf(detail);
    }
}
