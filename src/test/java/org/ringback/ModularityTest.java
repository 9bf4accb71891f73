package org.ringback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ringback");

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RingbackApplication.class).verify();
    }

    @Test
    void rulesArePlainJavaWithoutSpringSqlOrWallClock() {
        noClasses().that().haveSimpleNameEndingWith("Calendar")
                .or().haveSimpleName("ResponseWindow").or().haveSimpleName("ResponseLadder")
                .or().haveSimpleName("ClosurePolicy").or().haveSimpleName("RedFlagScreen")
                .or().haveSimpleName("RepeatCallDetector").or().haveSimpleName("FirstAttemptDeadline")
                .or().haveSimpleName("Callback")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .check(CLASSES);
    }
}
