package dev.outdial;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules reach each other only through their top-level API packages, and never in a cycle. */
@Tag("database-neutral") // The modules' structure: run once, not again on PostgreSQL.
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

    /**
     * The diagrams checked in under docs/modules show the modules there are: refresh them with
     * {@code cp server/target/spring-modulith-docs/*.puml docs/modules/} after this test ran.
     */
    @Test
    void theCheckedInDiagramsShowEveryModuleAndNoOther() throws IOException {
        Path docs = Path.of("..", "docs", "modules");
        String overview = Files.readString(docs.resolve("components.puml"));
        Set<String> drawn;
        try (Stream<Path> files = Files.list(docs)) {
            drawn = files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("module-"))
                    .map(name -> name.substring("module-".length(), name.length() - ".puml".length()))
                    .collect(Collectors.toSet());
        }
        Set<String> modules = MODULES.stream().map(module -> module.getIdentifier().toString())
                .collect(Collectors.toSet());
        assertThat(drawn).as("docs/modules/module-*.puml").isEqualTo(modules);
        MODULES.forEach(module -> assertThat(overview).as("docs/modules/components.puml")
                .contains("\"" + module.getDisplayName() + "\", $techn=\"Module\""));
    }
}
