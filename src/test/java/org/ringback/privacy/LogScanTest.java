package org.ringback.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanTest {

    @TempDir
    Path dir;

    private final LogScan scan = new LogScan(List.of("Maria Lopez", "Al"), List.of("+16175550101"));

    @Test
    void findsANameInAnyCase() throws IOException {
        assertThat(scan.scan(List.of(log("INFO created callback for MARIA LOPEZ")))).extracting(LogScan.Leak::kind).containsExactly("name");
    }

    @Test
    void findsAPhoneNumberHoweverItIsWritten() throws IOException {
        Path log = log("a +16175550101", "b (617) 555-0101", "c 617.555.0101", "d 617 555 0101", "e tel:6175550101",
                "f +1 (617) 555-0101", "g 16175550101");

        assertThat(scan.scan(List.of(log))).extracting(LogScan.Leak::line).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aNumberInsideALongerRunOfDigitsIsNotAPhoneNumber() throws IOException {
        assertThat(scan.scan(List.of(log("took 96175550101234 ns", "id 26175550101", "617555010")))).isEmpty();
    }

    @Test
    void namesTooShortToBeTellingAreNotSearched() {
        assertThat(scan.canaryCount()).as("Maria Lopez and the number with and without its country code; not 'Al'").isEqualTo(3);
    }

    @Test
    void aNameIsItsWholeRunOfWords() throws IOException {
        assertThat(scan.scan(List.of(log("Maria Lopezberg called", "Lopez, Maria", "maria  lopez")))).extracting(LogScan.Leak::line)
                .containsExactly(3);
    }

    @Test
    void aCleanLogHasNoLeaks() throws IOException {
        assertThat(scan.scan(List.of(log("callback 3f1c created for practice 9a2e", "attempt recorded: NO_ANSWER")))).isEmpty();
    }

    private Path log(String... lines) throws IOException {
        return Files.write(dir.resolve("test.log"), List.of(lines));
    }
}
