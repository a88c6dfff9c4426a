package dev.flowstage.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flowstage");

    @Test
    void springStatemachineAndMvel_appearOnlyInInternalPackages() {
        noClasses().that().resideOutsideOfPackage("..internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.mvel2..", "reactor..")
                .check(CLASSES);
    }

    @Test
    void publicApi_dependsOnNothingButTheJdkAndValidationAnnotations() {
        noClasses().that().resideInAnyPackage("dev.flowstage.api..", "dev.flowstage.spi..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.flowstage.api..", "dev.flowstage.spi..", "java..", "jakarta.validation..")
                .check(CLASSES);
    }

    @Test
    void jackson_staysOutOfThePublicApi() {
        noClasses().that().resideInAnyPackage("dev.flowstage.api..", "dev.flowstage.spi..", "dev.flowstage.core")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml..")
                .check(CLASSES);
    }
}
