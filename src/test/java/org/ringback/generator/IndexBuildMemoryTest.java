package org.ringback.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexBuildMemoryTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void aQuarterOfTheMachineSharedByTheBuilders() {
        assertThat(Generator.indexBuildMemoryMb(8 * GIB, 2)).isEqualTo(1024);
        assertThat(Generator.indexBuildMemoryMb(8 * GIB, 4)).isEqualTo(512);
    }

    @Test
    void atMostThreeGigabytesPerBuildOnALargeMachine() {
        assertThat(Generator.indexBuildMemoryMb(24 * GIB, 2)).isEqualTo(3 * 1024);
        assertThat(Generator.indexBuildMemoryMb(256 * GIB, 16)).isEqualTo(3 * 1024);
    }

    @Test
    void atLeastPostgresqlsDefaultOnASmallOne() {
        assertThat(Generator.indexBuildMemoryMb(GIB / 2, 8)).isEqualTo(64);
    }
}
