package dev.outdial.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the person who started Outdial needs to read (a generated password, the demo's sign-ins),
 * gathered while the modules start and printed once, as one block, when the server is ready —
 * instead of lines lost among the framework's own start-up logging.
 */
@Component
public class StartupNotes {

    public record Note(String title, List<String> lines) {
    }

    private final List<Note> notes = new ArrayList<>();

    public synchronized void add(String title, List<String> lines) {
        notes.add(new Note(title, List.copyOf(lines)));
    }

    public synchronized List<Note> all() {
        return List.copyOf(notes);
    }

    /** The block: where to open Outdial, then each note under its title. */
    public String render(String url) {
        String rule = "=".repeat(78);
        StringBuilder block = new StringBuilder("\n").append(rule).append('\n')
                .append("  Outdial is ready: open ").append(url).append('\n');
        for (Note note : all()) {
            block.append('\n').append("  ").append(note.title()).append('\n');
            note.lines().forEach(line -> block.append("    ").append(line).append('\n'));
        }
        return block.append(rule).toString();
    }
}
