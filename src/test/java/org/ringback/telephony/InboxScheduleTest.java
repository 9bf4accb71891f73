package org.ringback.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class InboxScheduleTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(InboxSchedule.class)
            .withBean(InboxWorker.class, () -> mock(InboxWorker.class));

    @Test
    void theWorkerRunsByDefault() {
        context.run(app -> assertThat(app).hasSingleBean(InboxSchedule.Runner.class));
    }

    @Test
    void itFollowsTheSweepSwitchUnlessSetItself() {
        context.withPropertyValues("ringback.sweep.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(InboxSchedule.Runner.class));
        context.withPropertyValues("ringback.sweep.enabled=false", "ringback.telephony.worker.enabled=true")
                .run(app -> assertThat(app).hasSingleBean(InboxSchedule.Runner.class));
        context.withPropertyValues("ringback.telephony.worker.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(InboxSchedule.Runner.class));
    }
}
