package org.lmssync.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
 * the CLI may end or hook the JVM. Inside the engine the stages stack up: {@code spi} (what a connector
 * implements) and {@code http} (redaction, Link headers, URLs) at the bottom, then
 * {@code resource} (declarations), {@code run} (runs, resources, listings, planning, retry decision),
 * and {@code page} (the per-page steps, which work on the run's listing) on top.
 */
class ArchitectureTest {
    /** The command-line layer: the only code that owns the process. */
    private static final String CLI = "org.lmssync.cli..";
    /** The CLI's classes that own the JVM: its entry point and the sync command's signal handling. */
    private static final String[] JVM_OWNERS = {"org.lmssync.cli.App", "org.lmssync.cli.SyncCommand"};
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
                .should().dependOnClassesThat().resideInAPackage(CLI)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.lmssync.simulator..", "org.lmssync.demo..")
                .orShould().dependOnClassesThat().resideInAnyPackage(CONNECTORS);
        rule.check(product);
    }

    private static final String ENGINE = "org.lmssync.engine..";

    /** No engine class outside a stage: the flat package of old stays empty. */
    @Test
    void everyEngineClassBelongsToAStage() {
        classes().that().resideInAPackage(ENGINE)
                .should().resideInAnyPackage("org.lmssync.engine.spi..", "org.lmssync.engine.resource..",
                        "org.lmssync.engine.run..", "org.lmssync.engine.page..", "org.lmssync.engine.http..")
                .check(product);
    }

    @Test
    void theEngineStagesAreFreeOfCycles() {
        slices().matching("org.lmssync.engine.(*)..").should().beFreeOfCycles().check(product);
    }

    /** What a connector implements and throws stands alone: a connector needs no other stage to compile against. */
    @Test
    void theSpiUsesNoOtherEngineStage() {
        noClasses().that().resideInAPackage("org.lmssync.engine.spi..")
                .should().dependOnClassesThat(resideInAPackage(ENGINE).and(not(resideInAPackage("org.lmssync.engine.spi.."))))
                .check(product);
    }

    /** Redaction, Link headers and URL helpers know nothing of runs, listings, pages or declarations. */
    @Test
    void httpHelpersUseNoOtherEngineStage() {
        noClasses().that().resideInAPackage("org.lmssync.engine.http..")
                .should().dependOnClassesThat(resideInAPackage(ENGINE).and(not(resideInAPackage("org.lmssync.engine.http.."))))
                .check(product);
    }

    /** A resource declaration (paging kinds, field paths, identity) is parsed without any run, page or connector. */
    @Test
    void resourceDeclarationsUseOnlyTheHttpHelpers() {
        noClasses().that().resideInAPackage("org.lmssync.engine.resource..")
                .should().dependOnClassesThat(resideInAPackage(ENGINE)
                        .and(not(resideInAnyPackage("org.lmssync.engine.resource..", "org.lmssync.engine.http.."))))
                .check(product);
    }

    /**
     * The page steps work on the run's listing (exchange properties of {@code ResourceSync}), never the
     * other way round: the run plans, opens and closes listings and owns a resource's table writer, but
     * calls no page step.
     */
    @Test
    void theRunUsesNoPageStep() {
        noClasses().that().resideInAPackage("org.lmssync.engine.run..")
                .should().dependOnClassesThat().resideInAPackage("org.lmssync.engine.page..")
                .check(product);
    }

    /** The engine knows only its settings and its store: no embedding API, CLI, demo, observer, connector or simulator. */
    @Test
    void theEngineUsesOnlyConfigAndStore() {
        noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat(resideInAPackage("org.lmssync..")
                        .and(not(resideInAnyPackage(ENGINE, "org.lmssync.config..", "org.lmssync.store.."))))
                .check(product);
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
        noClasses().that().doNotHaveFullyQualifiedName(JVM_OWNERS[0]).and().doNotHaveFullyQualifiedName(JVM_OWNERS[1])
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "addShutdownHook", Thread.class)
                .check(product);
    }
}
