package org.ringback.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GenerateCommandTest {

    @Test
    void readsTheSizesTheSeedAndLeavesSpringOptionsToSpring() {
        var command = GenerateCommand.parse(List.of("generate", "--practices", "2000", "--days", "365", "--seed", "7",
                "--spring.main.banner-mode=off", "--workers", "3", "--now", "2026-11-25T12:00:00Z", "--drop-indexes"));

        assertThat(command).isEqualTo(new GenerateCommand(2000, 365, 7, 3, Optional.of(Instant.parse("2026-11-25T12:00:00Z")), false));
    }

    @Test
    void dropsIndexesWhileLoadingUnlessToldToKeepThem() {
        assertThat(GenerateCommand.parse(List.of("generate", "--practices", "20", "--days", "60")).keepIndexes()).isFalse();
        assertThat(GenerateCommand.parse(List.of("generate", "--practices", "20", "--days", "60", "--keep-indexes")).keepIndexes()).isTrue();
    }

    @Test
    void runsMoreWorkersThanCoresSoThatSimulationOverlapsCopying() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(GenerateCommand.parse(List.of("generate", "--practices", "20", "--days", "60")).workers())
                .isEqualTo(Math.min(16, 2 * cores));
    }

    @Test
    void theSeedDefaultsTo42() {
        assertThat(GenerateCommand.parse(List.of("generate", "--practices", "20", "--days", "60")).seed()).isEqualTo(42);
    }

    @Test
    void refusesInvalidArgumentsWithOneLine() {
        assertThatThrownBy(() -> GenerateCommand.parse(List.of("generate", "--practices", "20")))
                .isInstanceOf(GenerateCommand.InvalidArguments.class).hasMessageStartingWith("--practices and --days are required");
        assertThatThrownBy(() -> GenerateCommand.parse(List.of("generate", "--practices", "many", "--days", "3")))
                .hasMessage("--practices must be a whole number, not 'many'");
        assertThatThrownBy(() -> GenerateCommand.parse(List.of("generate", "--practices", "0", "--days", "3")))
                .hasMessage("--practices must be from 1 to 100000");
        assertThatThrownBy(() -> GenerateCommand.parse(List.of("generate", "--practices", "3", "--days", "3", "--color", "red")))
                .hasMessageStartingWith("unknown argument '--color'");
        assertThatThrownBy(() -> GenerateCommand.parse(List.of("generate", "--practices", "3", "--days")))
                .hasMessageStartingWith("'--days' needs a value");
        assertThatThrownBy(() -> GenerateCommand.parse(List.of("generate", "--practices", "3", "--days", "3", "--now", "today")))
                .hasMessageStartingWith("--now must be an instant");
    }

    @Test
    void everyGeneratedPracticeHasAValidBusinessCalendar() {
        for (int index = 0; index < 500; index++) {
            var practice = GeneratedPractices.practice(42, index);
            assertThat(practice.id()).isEqualTo(GeneratedPractices.id(42, index));
            assertThat(practice.calendar().isBusinessDay(java.time.LocalDate.of(2026, 11, 24))).isTrue();
            assertThat(practice.calendar().isBusinessDay(java.time.LocalDate.of(2026, 11, 26))).as("Thanksgiving").isFalse();
        }
    }
}
