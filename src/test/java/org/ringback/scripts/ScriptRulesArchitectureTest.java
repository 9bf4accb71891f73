package org.ringback.scripts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The script rules stay plain Java (STYLE.md rule 2): no Spring, no SQL, no wall clock. */
class ScriptRulesArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ringback.scripts");

    @Test
    void scriptRulesArePlainJava() {
        noClasses().that().haveSimpleNameStartingWith("ScriptLint").or().haveSimpleNameStartingWith("ScriptRenderer")
                .or().haveSimpleNameStartingWith("ScriptSelection").or().haveSimpleNameStartingWith("Placeholders")
                .or().haveSimpleNameStartingWith("DefaultScripts").or().haveSimpleName("ScriptKey")
                .or().haveSimpleName("Script").or().haveSimpleName("Situation")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(CLASSES);
    }
}
