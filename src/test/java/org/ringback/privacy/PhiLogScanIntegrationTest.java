package org.ringback.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs after every other integration test (see junit-platform.properties) and reads the log files the whole
 * suite wrote (target/test-logs, from logback-test.xml and the child apps' output) for the name or phone number
 * of any patient or caller the suite stored. Finding one fails the build: logs leave the PHI boundary.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class PhiLogScanIntegrationTest {

    static final Path LOGS = Path.of("target/test-logs");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noPatientNameOrPhoneNumberReachesTheLogs() throws IOException {
        storeACallerWhoseDetailsMustNotBeLogged();
        List<String> names = new ArrayList<>(jdbc.sql("select distinct display_name from patient").query(String.class).list());
        names.addAll(jdbc.sql("select distinct caller_name from callback where caller_name is not null").query(String.class).list());
        List<String> phones = new ArrayList<>(jdbc.sql("select distinct phone from patient_phone").query(String.class).list());
        phones.addAll(jdbc.sql("select distinct contact_phone from callback where contact_phone is not null").query(String.class).list());
        var scan = new LogScan(names, phones);
        List<Path> logs = logFiles();

        assertThat(logs).as("the suite's log, written by logback-test.xml").contains(LOGS.resolve("suite.log"));
        assertThat(Files.readString(LOGS.resolve("suite.log"))).as("this JVM's log is in the file").contains("Started ");
        assertThat(scan.canaryCount()).as("names and numbers to look for").isGreaterThanOrEqualTo(2);
        assertThat(scan.scan(logs)).as("log lines with a patient's name or phone number").isEmpty();
    }

    /** A patient, a callback and a refused request that echo them: what a careless log line would print. */
    private void storeACallerWhoseDetailsMustNotBeLogged() {
        clock.set(Fixtures.MONDAY_0900);
        var fx = new Fixtures(port);
        var practice = fx.practice();
        Api staff = fx.staff(practice.id()).api();
        staff.post("/api/v1/practices/" + practice.id() + "/patients", Api.json("""
                {'displayName': 'Philomena Quackenbush', 'phones': ['+1 617 555 0187'], 'preferredContact': 'PHONE',
                 'language': 'en', 'consent': {'voicemail': true, 'detailedVoicemail': false, 'sms': false,
                 'portal': false, 'email': false}}"""));
        staff.post("/api/v1/practices/" + practice.id() + "/callbacks", Api.json("""
                {'channel': 'VOICEMAIL', 'category': 'BILLING', 'caller': {'phone': '+1 617 555 0187',
                 'name': 'Philomena Quackenbush'}, 'reason': 'Question about a bill'}"""));
        staff.post("/api/v1/practices/" + practice.id() + "/callbacks", Api.json("""
                {'channel': 'NO_SUCH_CHANNEL', 'caller': {'phone': '+1 617 555 0187', 'name': 'Philomena Quackenbush'}}"""));
    }

    private static List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.walk(LOGS)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
    }
}
