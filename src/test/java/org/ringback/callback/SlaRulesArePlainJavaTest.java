package org.ringback.callback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The clock rules are plain Java (STYLE.md rule 2): no Spring, no SQL, no wall clock; instants come in. */
class SlaRulesArePlainJavaTest {

    @Test
    void theClockHasNoSpringSqlOrWallClock() {
        JavaClasses callback = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.ringback.callback");

        noClasses().that().haveSimpleNameStartingWith("SlaClock")
                .or().haveSimpleNameStartingWith("SlaEvent")
                .or().haveSimpleNameStartingWith("SlaTarget")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(callback);
    }
}
