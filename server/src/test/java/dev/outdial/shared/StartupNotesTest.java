package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupNotesTest {

    @Test
    void theBlockSaysWhereToOpenOutdialThenEachNoteInTheOrderTheyCame() {
        StartupNotes notes = new StartupNotes();
        notes.add("Platform operator:", List.of("user operator   password secret"));
        notes.add("Demo campaigns:", List.of("RUNNING     PROGRESSIVE  Demo progressive"));

        String block = notes.render("http://localhost:8080");

        assertThat(block.lines().filter(line -> line.startsWith("===")).count()).isEqualTo(2);
        assertThat(block).contains("Outdial is ready: open http://localhost:8080");
        assertThat(block.indexOf("password secret")).isLessThan(block.indexOf("Demo progressive"));
        assertThat(block).contains("    RUNNING     PROGRESSIVE  Demo progressive");
    }
}
