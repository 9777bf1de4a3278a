package org.lmssync.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep lms-sync embeddable: the engine names no LMS, no CLI and no simulator;
 * connectors do not know each other; simulators do not use product code (a simulator that signs
 * or pages with the product's classes proves nothing); the demo names no simulator package; only
 * the CLI may end or hook the JVM.
 */
class ArchitectureTest {
    /** The command-line layer: the only code that owns the process. */
    private static final String[] CLI = {"org.lmssync.App", "org.lmssync.CliArgs", "org.lmssync.SyncCommand",
        "org.lmssync.StatusCommand", "org.lmssync.RunReport", "org.lmssync.DbLockFile"};
    private static final String[] CONNECTORS = {"org.lmssync.google..", "org.lmssync.schoology..", "org.lmssync.canvas.."};
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lmssync");
    }

    @Test
    void theEngineImportsNoCliNoSimulatorAndNoConnector() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.lmssync.engine..", "org.lmssync.store..",
                        "org.lmssync.config..", "org.lmssync.routes..")
                .should().dependOnClassesThat().haveFullyQualifiedName(CLI[0])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CLI[1])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CLI[2])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CLI[3])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CLI[4])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CLI[5])
                .orShould().dependOnClassesThat().resideInAnyPackage("org.lmssync.simulator..", "org.lmssync.demo..")
                .orShould().dependOnClassesThat().resideInAnyPackage(CONNECTORS);
        rule.check(product);
    }

    @Test
    void connectorsDoNotImportEachOtherTheCliOrTheSimulators() {
        for (String connector : CONNECTORS) {
            String[] others = java.util.Arrays.stream(CONNECTORS).filter(c -> !c.equals(connector)).toArray(String[]::new);
            noClasses().that().resideInAPackage(connector)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAnyPackage("org.lmssync.simulator..", "org.lmssync.demo..")
                    .check(product);
        }
    }

    @Test
    void simulatorsUseNoProductCode() {
        noClasses().that().resideInAPackage("org.lmssync.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lmssync.engine..", "org.lmssync.store..",
                        "org.lmssync.config..", "org.lmssync.routes..", "org.lmssync.google..", "org.lmssync.schoology..",
                        "org.lmssync.canvas..", "org.lmssync.demo..")
                .check(product);
    }

    /** The demo starts whatever simulators the build has (SimulatorProvider), so a new one needs no demo change. */
    @Test
    void theDemoNamesNoSimulatorPackage() {
        noClasses().that().resideInAPackage("org.lmssync.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.lmssync.simulator.*..")
                .check(product);
    }

    @Test
    void onlyTheCliEndsOrHooksTheJvm() {
        noClasses().that().doNotHaveFullyQualifiedName(CLI[0]).and().doNotHaveFullyQualifiedName(CLI[2])
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "addShutdownHook", Thread.class)
                .check(product);
    }
}
