package org.ringback.callback;

import java.time.Instant;
import java.util.Map;

/** One past-tense entry of an item's timeline: what happened, when, by whom, with its reason or data. */
public record TimelineEvent(int seq, Type type, Instant at, String actor, Map<String, String> detail) {

    public enum Type {
        RECEIVED, REPEAT_CALL_ATTACHED, RED_FLAG_RAISED, ATTEMPT_RECORDED, NEXT_ATTEMPT_SCHEDULED, ASSIGNED,
        WAITING_STARTED, RESUMED, ESCALATED, URGENCY_CHANGED, NEXT_STEP_DONE, CLOSED,
        TRANSCRIPT_ADDED,
        /** A call found the number wrong or disconnected: it is not called again on this item. */
        NUMBER_NOT_WORKING,
        /** The item went back to its queue without an owner (an idle owner, an expected date passed), with the reason. */
        RETURNED_TO_QUEUE,
        /** The end-of-day sweep kept the item's owner for the next business day, with its next touch time. */
        CARRIED_OVER,
        SLA_BREACHED, DUE_TIMES_RECOMPUTED
    }

    public TimelineEvent {
        detail = Map.copyOf(detail);
    }
}
