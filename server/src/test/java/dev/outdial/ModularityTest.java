package dev.outdial;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules reach each other only through their top-level API packages, and never in a cycle. */
class ModularityTest {

    /** The engine is a library the modules use, not a module: it has no Spring in it to verify. */
    private static final ApplicationModules MODULES = ApplicationModules.of(OutdialApplication.class,
            JavaClass.Predicates.resideInAPackage("dev.outdial.engine.."));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
