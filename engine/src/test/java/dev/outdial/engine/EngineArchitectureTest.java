package dev.outdial.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine runs live and in virtual time, so it must stay free of frameworks and of the
 * wall clock: everything outside comes in through {@code dev.outdial.engine.port}.
 */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.outdial.engine");

    @Test
    void engineDependsOnNoSpringJdbcOrServletType() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..", "javax.servlet..", "jakarta.persistence..")
                .because("the engine is pure Java; the server adapts it to Spring and the database")
                .check(ENGINE);
    }

    @Test
    void engineNeverReadsTheWallClockOrSleeps() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("time comes from the Scheduler port so the same code runs in virtual time")
                .check(ENGINE);
    }

    @Test
    void enginePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.outdial.engine.(*)..").should().beFreeOfCycles()
                .because("the customer state machine is the base, rules build on it, ports and pacing on both")
                .check(ENGINE);
    }
}
