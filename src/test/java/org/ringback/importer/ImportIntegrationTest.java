package org.ringback.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ImportIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    CallImport imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    UUID practiceId;

    /** Ten rows of a spreadsheet callback list; lines 3, 6 and 9 of the file are bad (the header is line 1). */
    static final String LIST_WITH_THREE_BAD_ROWS = """
            Phone,Date/Time,Name,Reason,Category
            617-555-0101,2026-11-20 09:15,Maria Lopez,refill question,PRESCRIPTION_ROUTE
            not a phone,2026-11-20 09:20,James Smith,billing,BILLING
            617-555-0103,2026-11-20 09:25,Aisha Khan,,
            617-555-0104,2026-11-20 09:30,Wei Chen,new patient,NEW_PATIENT_APPOINTMENT
            617-555-0105,2027-01-05 10:00,Olivia Johnson,reschedule,RESCHEDULE
            617-555-0106,2026-11-20 09:40,Carlos Garcia,referral,REFERRAL_STATUS
            617-555-0107,2026-11-20 09:45,Priya Patel,records,RECORDS_REQUEST
            617-555-0108,2026-11-20 09:50,Noah Brown,lunch,FREE_LUNCH
            617-555-0109,2026-11-20 09:55,Fatima Nguyen,my chest pain is back,
            """;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        practiceId = UUID.fromString(new Fixtures(port).practice().id());
    }

    private ImportJob run(String csv, boolean partial) throws IOException {
        return run(csv, partial, Map.of());
    }

    private ImportJob run(String csv, boolean partial, Map<String, String> columns) throws IOException {
        Path file = Files.writeString(dir.resolve(UUID.randomUUID() + ".csv"), csv, StandardCharsets.UTF_8);
        UUID job = imports.start(practiceId, "test", ImportJob.Source.COMMAND, partial);
        return imports.run(practiceId, job, file, new CallImport.Options(partial, columns), CallImport.Progress.NONE);
    }

    private String report(ImportJob job) {
        var out = new StringWriter();
        imports.writeReport(practiceId, job.id(), out);
        return out.toString();
    }

    private long callbacks() {
        return jdbc.sql("select count(*) from callback where practice_id = :p").param("p", practiceId).query(Long.class).single();
    }

    @Test
    void aFileWithThreeBadRowsImportsNothingAndItsReportNamesEachRowAndWhy() throws IOException {
        ImportJob job = run(LIST_WITH_THREE_BAD_ROWS, false);

        assertThat(job.status()).isEqualTo(ImportJob.Status.REFUSED);
        assertThat(job.rowsRead()).isEqualTo(9);
        assertThat(job.rowsRejected()).isEqualTo(3);
        assertThat(callbacks()).isZero();
        assertThat(report(job).lines().toList()).containsExactly(
                "line,field,problem",
                "3,phone,is not a valid phone number",
                "6,date,is in the future",
                "9,category,is not a category of this practice");
        assertThat(report(job)).doesNotContain("not a phone", "James", "FREE_LUNCH");
    }

    @Test
    void aPartialImportTakesTheGoodRowsThroughIntakeAndAReImportAddsNothing() throws IOException {
        ImportJob job = run(LIST_WITH_THREE_BAD_ROWS, true);

        assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(job.created()).isEqualTo(6);
        assertThat(callbacks()).isEqualTo(6);
        assertThat(report(job).lines()).hasSize(4);
        // Intake's rules: the red-flag screen makes a clinical concern, a row without category gets the channel's default.
        var flagged = jdbc.sql("select category, urgency, queue from callback where practice_id = :p and contact_phone = '+16175550109'")
                .param("p", practiceId).query().singleRow();
        assertThat(flagged).containsEntry("category", "CLINICAL_CONCERN").containsEntry("queue", "CLINICAL");
        assertThat(flagged.get("urgency")).isIn("CLINICAL", "EMERGENCY");
        var plain = jdbc.sql("select category, received_at from callback where practice_id = :p and contact_phone = '+16175550103'")
                .param("p", practiceId).query().singleRow();
        assertThat(plain.get("category")).isEqualTo("MISSED_CALL");
        // 09:25 in New York on 20 November (EST)
        assertThat(plain.get("received_at").toString()).startsWith("2026-11-20 14:25:00");

        ImportJob again = run(LIST_WITH_THREE_BAD_ROWS, true);
        assertThat(again.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(again.created()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(6);
        assertThat(callbacks()).isEqualTo(6);
    }

    @Test
    void aSecondCallFromTheSameCallerAboutTheSameThingJoinsTheOpenItem() throws IOException {
        ImportJob job = run("""
                Caller ID,Start Time,Reason
                (617) 555-0120,2026-11-20T08:00:00-05:00,
                +1 617 555 0120,2026-11-20T11:00:00-05:00,
                617.555.0121,2026-11-20T11:30:00-05:00,
                """, false);

        assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(job.created()).isEqualTo(2);
        assertThat(job.attached()).isEqualTo(1);
        assertThat(jdbc.sql("select repeat_count from callback where practice_id = :p and contact_phone = '+16175550120'")
                .param("p", practiceId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void ringCentralCallLogHeadersAreRecognised() throws IOException {
        ImportJob job = run("""
                Type,From,Name,To,Date,Time,Action,Action Result,Duration
                Voice,(617) 555-0130,LOPEZ MARIA,(617) 555-0000,Fri 11/20/2026,3:05 PM,Phone Call,Missed,0:00:00
                Voice,(617) 555-0131,,(617) 555-0000,Fri 11/20/2026,3:07 PM,Phone Call,Voicemail,0:00:41
                """, false);

        assertThat(job.status()).as(job.problem().orElse("")).isEqualTo(ImportJob.Status.DONE);
        assertThat(job.created()).isEqualTo(2);
        var row = jdbc.sql("select caller_name, received_at from callback where practice_id = :p and contact_phone = '+16175550130'")
                .param("p", practiceId).query().singleRow();
        assertThat(row.get("caller_name")).isEqualTo("LOPEZ MARIA");
        assertThat(row.get("received_at").toString()).startsWith("2026-11-20 20:05:00");
    }

    @Test
    void twilioAnd8x8CallLogHeadersAreRecognised() throws IOException {
        ImportJob twilio = run("""
                Call Sid,Date Created,Start Time,End Time,Duration,From,To,Direction,Status
                CA1,2026-11-20 15:00:00 UTC,2026-11-20 15:00:01 UTC,2026-11-20 15:00:09 UTC,8,+16175550140,+16175550000,inbound,no-answer
                """, false);
        ImportJob eightByEight = run("""
                Start Time,Caller ID,Caller Name,Dialed Number,Talk Time
                11/20/2026 10:10:00 AM,617-555-0141,Wei Chen,6175550000,00:00:00
                """, false);

        assertThat(twilio.status()).as(twilio.problem().orElse("")).isEqualTo(ImportJob.Status.DONE);
        assertThat(eightByEight.status()).as(eightByEight.problem().orElse("")).isEqualTo(ImportJob.Status.DONE);
        assertThat(jdbc.sql("select received_at from callback where practice_id = :p and contact_phone = '+16175550140'")
                .param("p", practiceId).query().singleValue().toString()).startsWith("2026-11-20 15:00:01");
        assertThat(jdbc.sql("select caller_name from callback where practice_id = :p and contact_phone = '+16175550141'")
                .param("p", practiceId).query(String.class).single()).isEqualTo("Wei Chen");
    }

    @Test
    void columnsNoPhoneSystemUsesAreMappedByTheUser() throws IOException {
        String csv = """
                Patient Mobile,When,Why
                617-555-0150,2026-11-20 10:00,billing question
                """;
        ImportJob unmapped = run(csv, false);
        assertThat(unmapped.status()).isEqualTo(ImportJob.Status.REFUSED);
        assertThat(unmapped.problem().orElseThrow()).contains("PHONE", "RECEIVED_AT");

        ImportJob mapped = run(csv, false, Map.of("Patient Mobile", "phone", "When", "RECEIVED_AT", "Why", "reason"));
        assertThat(mapped.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(jdbc.sql("select reason from callback where practice_id = :p").param("p", practiceId).query(String.class).list())
                .isEqualTo(List.of("billing question"));
    }
}
