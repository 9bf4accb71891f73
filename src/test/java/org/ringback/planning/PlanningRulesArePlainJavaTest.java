package org.ringback.planning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Coverage planning rules are plain Java (STYLE.md rule 2): no Spring, no SQL, no wall clock, so it runs anywhere in milliseconds. */
class PlanningRulesArePlainJavaTest {

    @Test
    void planningHasNoSpringSqlOrWallClock() {
        JavaClasses planning = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.ringback.planning");

        // The rules, not their Spring adapter (the Coverage service, its properties and the web package).
        noClasses().that().resideInAPackage("org.ringback.planning")
                .and().areNotAnnotatedWith("org.springframework.stereotype.Service")
                .and().areNotAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(planning);
    }
}
