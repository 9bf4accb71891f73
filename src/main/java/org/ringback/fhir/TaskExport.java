package org.ringback.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.ringback.callback.Attempt;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.Callback;
import org.ringback.callback.Status;
import org.ringback.callback.Urgency;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.Category;

/**
 * A callback as a FHIR R4 Task. Its attempts are {@code Communication}s contained in the Task and listed in
 * {@code Task.output}: an attempt has no identity or life of its own outside its callback (it is never read,
 * changed or searched alone), so it travels inside the Task, and a search answers one entry per callback.
 */
final class TaskExport {

    static final String CALLER = "caller";

    private TaskExport() {
    }

    static Task toTask(Callback callback, Category category) {
        Callback.State s = callback.state();
        var task = new Task();
        task.setId(s.id().toString());
        task.getMeta().setVersionId(Integer.toString(s.version()));
        task.addIdentifier(new Identifier().setSystem(Codes.CALLBACK).setValue(s.id().toString()));
        task.setStatus(TaskStatusMapping.of(s.status(), s.closure().map(closure -> closure.outcome())));
        statusReason(s).ifPresent(task::setStatusReason);
        task.setBusinessStatus(ladderStep(callback, category));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(priority(s.urgency()));
        task.setCode(new CodeableConcept(new Coding(Codes.CATEGORY, s.category(), category.name())).setText(category.name()));
        s.reason().ifPresent(task::setDescription);
        Reference patient = patient(task, s);
        task.setFor(patient);
        task.setAuthoredOn(date(s.receivedAt()));
        task.setOwner(owner(s));
        var restriction = task.getRestriction();
        restriction.setRepetitions(category.ladder().maxAttempts());
        restriction.setPeriod(new Period().setStart(date(s.receivedAt())).setEnd(date(s.firstAttemptDueAt())));
        Optional<Instant> ended = s.closure().map(closure -> closure.closedAt());
        if (s.firstAttemptAt().isPresent() || ended.isPresent()) {
            var execution = new Period();
            s.firstAttemptAt().ifPresent(start -> execution.setStart(date(start)));
            ended.ifPresent(end -> execution.setEnd(date(end)));
            task.setExecutionPeriod(execution);
        }
        s.contactPhone().ifPresent(phone -> task.addInput()
                .setType(parameter("callback-number", "The number to call back"))
                .setValue(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone)));
        for (Attempt attempt : callback.attempts()) {
            Communication communication = communication(attempt, patient);
            task.addContained(communication);
            task.addOutput()
                    .setType(parameter("attempt", "An attempt to reach the patient"))
                    .setValue(new Reference("#" + communication.getIdElement().getIdPart()));
        }
        return task;
    }

    /** The patient by Ringback id, or for an unknown caller a contained Patient with the caller's name and phone. */
    private static Reference patient(Task task, Callback.State s) {
        if (s.patientId().isPresent()) {
            return new Reference("Patient/" + s.patientId().get());
        }
        var caller = new Patient();
        caller.setId(CALLER);
        s.callerName().ifPresent(name -> caller.addName().setText(name));
        s.contactPhone().ifPresent(phone -> caller.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone));
        task.addContained(caller);
        return new Reference("#" + CALLER);
    }

    private static Communication communication(Attempt attempt, Reference patient) {
        var communication = new Communication();
        communication.setId("attempt-" + attempt.seq());
        boolean delivered = delivered(attempt.result());
        communication.setStatus(delivered ? Communication.CommunicationStatus.COMPLETED : Communication.CommunicationStatus.NOTDONE);
        Coding result = new Coding(Codes.ATTEMPT_RESULT, attempt.result().name(), readable(attempt.result().name()));
        if (!delivered) {
            communication.setStatusReason(new CodeableConcept(result).setText(readable(attempt.result().name())));
        } else {
            communication.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(readable(attempt.result().name())
                    + attempt.script().map(script -> " (script " + script + ")").orElse("")));
        }
        communication.addMedium(medium(attempt.method()));
        communication.setSubject(patient.copy());
        communication.addRecipient(patient.copy());
        communication.setSender(new Reference().setType("Practitioner")
                .setIdentifier(new Identifier().setSystem(Codes.USER).setValue(attempt.caller())).setDisplay(attempt.caller()));
        communication.setSent(date(attempt.at()));
        attempt.nextAction().ifPresent(next -> communication.addNote().setText("Next: " + next));
        return communication;
    }

    /** A conversation, a voicemail or a message reached the patient or their mailbox; the rest did not get through. */
    static boolean delivered(AttemptResult result) {
        return result == AttemptResult.REACHED || result == AttemptResult.LEFT_VOICEMAIL || result == AttemptResult.MESSAGE_SENT;
    }

    private static CodeableConcept medium(ContactMethod method) {
        return switch (method) {
            case PHONE -> new CodeableConcept(new Coding(Codes.PARTICIPATION_MODE, "PHONE", "telephone")).setText("Phone");
            case SMS -> new CodeableConcept(new Coding(Codes.PARTICIPATION_MODE, "ONLINEWRIT", "online written")).setText("SMS");
            case PORTAL -> new CodeableConcept(new Coding(Codes.PARTICIPATION_MODE, "ONLINEWRIT", "online written")).setText("Patient portal");
            case EMAIL -> new CodeableConcept(new Coding(Codes.PARTICIPATION_MODE, "EMAILWRIT", "email")).setText("Email");
        };
    }

    /**
     * Urgency as Task.priority (routine &lt; urgent &lt; asap &lt; stat): each step up maps to an equal or higher
     * priority, and both clinical urgencies are {@code stat} so that they come back clinical (see {@link OutreachIntake}).
     */
    static Task.TaskPriority priority(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> Task.TaskPriority.ROUTINE;
            case TIME_SENSITIVE, DEADLINE -> Task.TaskPriority.URGENT;
            case SAME_DAY -> Task.TaskPriority.ASAP;
            case CLINICAL, EMERGENCY -> Task.TaskPriority.STAT;
        };
    }

    private static Optional<CodeableConcept> statusReason(Callback.State s) {
        if (s.status().isWaiting()) {
            return s.waitingOn().map(on -> new CodeableConcept().setText("Waiting on " + readable(on.name())));
        }
        return s.closure().map(closure -> new CodeableConcept(
                new Coding(Codes.CLOSURE_OUTCOME, closure.outcome().name(), readable(closure.outcome().name())))
                .setText(readable(closure.outcome().name())));
    }

    /** Where the item stands on the response ladder, for the Task's businessStatus. */
    static CodeableConcept ladderStep(Callback callback, Category category) {
        Callback.State s = callback.state();
        long calls = callback.attempts().stream().filter(a -> a.method() == ContactMethod.PHONE).count();
        int max = category.ladder().maxAttempts();
        String code;
        String text;
        if (s.status() == Status.CLOSED) {
            code = "closed";
            text = "Closed" + s.closure().map(c -> ": " + readable(c.outcome().name())).orElse("");
        } else if (s.status().isWaiting()) {
            code = "waiting";
            text = "Waiting" + s.waitingOn().map(on -> " on " + readable(on.name())).orElse("");
        } else if (s.reachedAt().isPresent()) {
            code = "patient-reached";
            text = "Patient reached";
        } else if (s.escalationLevel() > 0) {
            code = "escalated";
            text = "Escalated to level " + s.escalationLevel() + " after " + calls + " of " + max + " attempts";
        } else if (calls == 0) {
            code = "first-attempt-due";
            text = "First attempt due by " + s.firstAttemptDueAt();
        } else {
            code = "next-attempt-due";
            text = "Attempt " + Math.min(calls + 1, max) + " of " + max + s.nextActionAt().map(at -> " due at " + at).orElse("");
        }
        return new CodeableConcept(new Coding(Codes.LADDER_STEP, code, null)).setText(text);
    }

    private static Reference owner(Callback.State s) {
        if (s.owner().isPresent()) {
            return new Reference().setType("Practitioner")
                    .setIdentifier(new Identifier().setSystem(Codes.USER).setValue(s.owner().get())).setDisplay(s.owner().get());
        }
        return new Reference().setType("CareTeam")
                .setIdentifier(new Identifier().setSystem(Codes.QUEUE).setValue(s.queue())).setDisplay(s.queue() + " queue");
    }

    private static CodeableConcept parameter(String code, String display) {
        return new CodeableConcept(new Coding(Codes.TASK_PARAMETER, code, display)).setText(display);
    }

    /** NO_ANSWER → "No answer". */
    private static String readable(String constant) {
        String words = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
