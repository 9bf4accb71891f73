package org.ringback.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringback.practice.BoardIdentifier;
import org.ringback.practice.CallWindow;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.Practice;

/** The form offers the call windows the practice can actually call in: those that overlap its opening hours. */
class OfferedWindowsTest {

    private static Practice openUntil(LocalTime close, DayOfWeek day) {
        return new Practice(UUID.randomUUID(), "Test", ZoneId.of("America/New_York"), Optional.empty(), "US",
                Map.of(day, List.of(new OpeningInterval(LocalTime.of(8, 0), close))), Set.of(), CallWindow.DEFAULTS,
                BoardIdentifier.FULL_NAME);
    }

    @Test
    void anEveningWindowIsOfferedOnlyWhenThePracticeIsOpenInTheEvening() {
        assertThat(WebForms.offeredWindows(openUntil(LocalTime.of(17, 0), DayOfWeek.MONDAY)))
                .extracting(CallWindow::name).containsExactly("MORNING", "MIDDAY", "AFTERNOON");
        assertThat(WebForms.offeredWindows(openUntil(LocalTime.of(18, 0), DayOfWeek.THURSDAY)))
                .extracting(CallWindow::name).containsExactly("MORNING", "MIDDAY", "AFTERNOON", "EVENING");
        assertThat(WebForms.offeredWindows(openUntil(LocalTime.of(10, 30), DayOfWeek.SATURDAY)))
                .extracting(CallWindow::name).containsExactly("MORNING");
    }
}
