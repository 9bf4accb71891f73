package org.ringback.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringback.shared.Refusal;

class HeaderRecognitionTest {

    private static final ReceivedAt NEW_YORK = new ReceivedAt(ZoneId.of("America/New_York"), "US");

    @Test
    void ringCentralCallLogColumns() {
        var headers = List.of("Type", "From", "Name", "To", "Date", "Time", "Action", "Action Result", "Duration");
        assertThat(ColumnMapping.of(headers, Map.of()).describe(headers)).containsExactly(
                Map.entry("From", ImportField.PHONE), Map.entry("Name", ImportField.NAME),
                Map.entry("Date", ImportField.DATE), Map.entry("Time", ImportField.TIME));
    }

    @Test
    void twilioPrefersTheCallsStartTimeOverTheRecordsCreationDate() {
        var headers = List.of("Call Sid", "Date Created", "Start Time", "End Time", "From", "To", "Direction", "Status");
        var mapping = ColumnMapping.of(headers, Map.of());
        assertThat(mapping.column(ImportField.RECEIVED_AT)).contains(2);
        assertThat(mapping.column(ImportField.PHONE)).contains(4);
    }

    @Test
    void eightByEightAndWeaveColumns() {
        var eightByEight = List.of("Start Time", "Caller ID", "Caller Name", "Dialed Number");
        assertThat(ColumnMapping.of(eightByEight, Map.of()).describe(eightByEight)).containsExactly(
                Map.entry("Start Time", ImportField.RECEIVED_AT), Map.entry("Caller ID", ImportField.PHONE),
                Map.entry("Caller Name", ImportField.NAME));
        var weave = List.of("Date/Time", "Caller Number", "Patient Name", "Notes");
        assertThat(ColumnMapping.of(weave, Map.of()).describe(weave)).containsValues(
                ImportField.RECEIVED_AT, ImportField.PHONE, ImportField.NAME, ImportField.REASON);
    }

    @Test
    void theUsersMappingWinsAndAFileWithoutPhoneOrDateIsRefusedByField() {
        var headers = List.of("Mobile", "Home Phone", "When");
        var mapping = ColumnMapping.of(headers, Map.of("home phone", "PHONE", "When", "received_at"));
        assertThat(mapping.column(ImportField.PHONE)).contains(1);
        assertThat(mapping.column(ImportField.RECEIVED_AT)).contains(2);

        assertThatThrownBy(() -> ColumnMapping.of(List.of("A", "B"), Map.of()))
                .isInstanceOfSatisfying(Refusal.RuleViolation.class, refusal -> assertThat(refusal.errors())
                        .extracting(Refusal.FieldError::field).containsExactly("PHONE", "RECEIVED_AT"));
        assertThatThrownBy(() -> ColumnMapping.of(headers, Map.of("Nope", "PHONE"))).isInstanceOf(Refusal.RuleViolation.class);
    }

    @Test
    void localTimesAreThePracticesAndOffsetsAreKept() {
        assertThat(NEW_YORK.parse("11/20/2026", Optional.of("3:05 PM"))).contains(Instant.parse("2026-11-20T20:05:00Z"));
        assertThat(NEW_YORK.parse("Fri 11/20/2026", Optional.of("15:05:00"))).contains(Instant.parse("2026-11-20T20:05:00Z"));
        assertThat(NEW_YORK.parse("2026-07-20 09:00", Optional.empty())).contains(Instant.parse("2026-07-20T13:00:00Z"));
        assertThat(NEW_YORK.parse("2026-11-20T08:00:00-05:00", Optional.empty())).contains(Instant.parse("2026-11-20T13:00:00Z"));
        assertThat(NEW_YORK.parse("2026-11-20 15:00:01 UTC", Optional.empty())).contains(Instant.parse("2026-11-20T15:00:01Z"));
        assertThat(NEW_YORK.parse("11/20/2026", Optional.empty())).as("a date needs a time").isEmpty();
        assertThat(NEW_YORK.parse("yesterday", Optional.empty())).isEmpty();
        assertThat(new ReceivedAt(ZoneId.of("Europe/London"), "GB").parse("02/11/2026 09:00", Optional.empty()))
                .as("day first outside North America").contains(Instant.parse("2026-11-02T09:00:00Z"));
    }
}
