package dev.flowstage.core.blueprint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class BlueprintArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flowstage");

    @Test
    void yamlAndJsonLibraries_stayInInternalPackages() {
        noClasses().that().resideOutsideOfPackage("..internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..", "tools.jackson..")
                .check(CLASSES);
    }
}
