package org.ringback.fhir;

import java.util.Optional;

import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.ringback.callback.Status;
import org.ringback.practice.ClosureOutcome;

/**
 * Ringback's callback status as a FHIR R4 TaskStatus (http://hl7.org/fhir/task-status):
 * <ul>
 *   <li>NEW → {@code ready}: queued for its owner queue, nobody has tried yet;</li>
 *   <li>IN_PROGRESS → {@code in-progress}: at least one attempt made;</li>
 *   <li>WAITING_ON_PATIENT, WAITING_ON_INTERNAL → {@code on-hold} (the Task's statusReason says on what);</li>
 *   <li>CLOSED → by outcome: UNABLE_TO_REACH_AFTER_ATTEMPTS and WRONG_NUMBER → {@code failed} (the callback could
 *   not be done), DUPLICATE → {@code cancelled} (another item carries the work), every other outcome →
 *   {@code completed}.</li>
 * </ul>
 * Ringback never produces draft, requested, received, accepted, rejected or entered-in-error: an item exists
 * only once intake accepted it into a queue.
 */
final class TaskStatusMapping {

    private TaskStatusMapping() {
    }

    static TaskStatus of(Status status, Optional<ClosureOutcome> outcome) {
        return switch (status) {
            case NEW -> TaskStatus.READY;
            case IN_PROGRESS -> TaskStatus.INPROGRESS;
            case WAITING_ON_PATIENT, WAITING_ON_INTERNAL -> TaskStatus.ONHOLD;
            case CLOSED -> outcome.map(TaskStatusMapping::ofClosure).orElse(TaskStatus.COMPLETED);
        };
    }

    private static TaskStatus ofClosure(ClosureOutcome outcome) {
        return switch (outcome) {
            case UNABLE_TO_REACH_AFTER_ATTEMPTS, WRONG_NUMBER -> TaskStatus.FAILED;
            case DUPLICATE -> TaskStatus.CANCELLED;
            default -> TaskStatus.COMPLETED;
        };
    }

    /** A search parameter value as a TaskStatus code ({@code in-progress}), if it is one. */
    static Optional<TaskStatus> parse(String code) {
        try {
            return Optional.ofNullable(TaskStatus.fromCode(code.strip()));
        } catch (org.hl7.fhir.exceptions.FHIRException unknown) {
            return Optional.empty();
        }
    }
}
