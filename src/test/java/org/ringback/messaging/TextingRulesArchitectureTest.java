package org.ringback.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The texting rules stay plain Java (STYLE.md rule 2): no Spring, no SQL, no wall clock. */
class TextingRulesArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ringback.messaging");

    @Test
    void textingRulesArePlainJava() {
        noClasses().that().haveSimpleNameStartingWith("TextingPolicy").or().haveSimpleName("MessageKind")
                .or().haveSimpleName("MessageStatus").or().haveSimpleName("SuppressionReason")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .check(CLASSES);
    }
}
