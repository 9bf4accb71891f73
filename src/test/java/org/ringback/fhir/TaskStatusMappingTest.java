package org.ringback.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringback.callback.Status;
import org.ringback.callback.Urgency;
import org.ringback.practice.ClosureOutcome;

class TaskStatusMappingTest {

    @Test
    void openStatusesMapToWhereTheWorkStands() {
        assertThat(TaskStatusMapping.of(Status.NEW, Optional.empty())).isEqualTo(TaskStatus.READY);
        assertThat(TaskStatusMapping.of(Status.IN_PROGRESS, Optional.empty())).isEqualTo(TaskStatus.INPROGRESS);
        assertThat(TaskStatusMapping.of(Status.WAITING_ON_PATIENT, Optional.empty())).isEqualTo(TaskStatus.ONHOLD);
        assertThat(TaskStatusMapping.of(Status.WAITING_ON_INTERNAL, Optional.empty())).isEqualTo(TaskStatus.ONHOLD);
    }

    @Test
    void aClosedItemFailsWhenThePatientWasNeverReachedAndIsCancelledAsADuplicate() {
        assertThat(TaskStatusMapping.of(Status.CLOSED, Optional.of(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS))).isEqualTo(TaskStatus.FAILED);
        assertThat(TaskStatusMapping.of(Status.CLOSED, Optional.of(ClosureOutcome.WRONG_NUMBER))).isEqualTo(TaskStatus.FAILED);
        assertThat(TaskStatusMapping.of(Status.CLOSED, Optional.of(ClosureOutcome.DUPLICATE))).isEqualTo(TaskStatus.CANCELLED);
        assertThat(TaskStatusMapping.of(Status.CLOSED, Optional.of(ClosureOutcome.BOOKED))).isEqualTo(TaskStatus.COMPLETED);
        assertThat(TaskStatusMapping.of(Status.CLOSED, Optional.of(ClosureOutcome.PATIENT_DECLINED))).isEqualTo(TaskStatus.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(ClosureOutcome.class)
    void everyClosureIsAFinalTaskStatus(ClosureOutcome outcome) {
        assertThat(TaskStatusMapping.of(Status.CLOSED, Optional.of(outcome)))
                .isIn(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void ringbackNeverClaimsAStatusBeforeIntakeAcceptedTheItem(Status status) {
        assertThat(TaskStatusMapping.of(status, Optional.of(ClosureOutcome.BOOKED)))
                .isNotIn(TaskStatus.DRAFT, TaskStatus.REQUESTED, TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.REJECTED,
                        TaskStatus.ENTEREDINERROR, TaskStatus.NULL);
    }

    @Test
    void searchCodesParseAndUnknownOnesDoNot() {
        assertThat(TaskStatusMapping.parse("in-progress")).contains(TaskStatus.INPROGRESS);
        assertThat(TaskStatusMapping.parse(" on-hold ")).contains(TaskStatus.ONHOLD);
        assertThat(TaskStatusMapping.parse("IN_PROGRESS")).isEmpty();
        assertThat(TaskStatusMapping.parse("open")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Urgency.class)
    void priorityRoundTripsToAnUrgencyNoLowerForClinicalItems(Urgency urgency) {
        Urgency back = OutreachIntake.urgency(TaskExport.priority(urgency).toCode()).orElseThrow();
        if (urgency.isClinical()) {
            assertThat(back.isClinical()).isTrue();
        }
        assertThat(TaskExport.priority(back).ordinal()).isEqualTo(TaskExport.priority(urgency).ordinal());
    }
}
