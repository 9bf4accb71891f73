package org.ringback.callback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ringback.callback.TimelineEvent;

/** The workspace shows each timeline event in words: a new event type without a label would show a message key. */
class TimelineLabelsTest {

    @Test
    void everyTimelineEventTypeHasALabel() throws IOException {
        var labels = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/workspace.properties")) {
            labels.load(in);
        }
        var missing = Arrays.stream(TimelineEvent.Type.values())
                .filter(type -> labels.getProperty("timeline.type." + type.name(), "").isBlank())
                .toList();
        assertThat(missing).isEmpty();
    }
}
