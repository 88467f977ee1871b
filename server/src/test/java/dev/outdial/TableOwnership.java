package dev.outdial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns which table, and who names a table it does not own: each module's SQL — the
 * string literals of its classes, text blocks included, comments left out — may name only its own
 * tables after {@code from}, {@code join}, {@code into}, {@code update} or {@code table}, except
 * where an {@link Allowed} exception says why.
 */
final class TableOwnership {

    /** A module's class that may name another module's table, and why. */
    record Allowed(String module, String className, String table, String reason) {
    }

    /** A module's class names a table another module owns. */
    record Violation(String module, String className, String table, String owner) {

        @Override
        public String toString() {
            return module + "'s " + className + " names " + table + ", which " + owner + " owns";
        }
    }

    private static final Pattern TABLE_NAMED = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private final Map<String, Set<String>> owned;
    private final List<Allowed> allowed;

    TableOwnership(Map<String, Set<String>> owned, List<Allowed> allowed) {
        this.owned = owned;
        this.allowed = allowed;
    }

    /** The tables among {@code tables} no module owns, or more than one does. */
    List<String> withoutOneOwner(Set<String> tables) {
        return tables.stream().filter(table -> owned.values().stream().filter(own -> own.contains(table)).count() != 1)
                .sorted().toList();
    }

    /**
     * The violations in the sources under {@code root} (the base package's directory): a module is
     * a directory right under it; a table no module owns is not checked here ({@link #withoutOneOwner}).
     */
    List<Violation> check(Path root) {
        List<Violation> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                String className = file.getFileName().toString().replace(".java", "");
                for (String table : tablesNamed(Files.readString(file))) {
                    String owner = ownerOf(table);
                    if (owner != null && !owner.equals(module) && !isAllowed(module, className, table)) {
                        violations.add(new Violation(module, className, table, owner));
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return violations;
    }

    /** The exceptions no class needs any more: each must still be one, so the list stays true. */
    List<Allowed> unused(Path root) {
        TableOwnership strict = new TableOwnership(owned, List.of());
        List<Violation> found = strict.check(root);
        return allowed.stream().filter(exception -> found.stream().noneMatch(violation ->
                violation.module().equals(exception.module()) && violation.className().equals(exception.className())
                        && violation.table().equals(exception.table()))).toList();
    }

    private String ownerOf(String table) {
        return owned.entrySet().stream().filter(entry -> entry.getValue().contains(table))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private boolean isAllowed(String module, String className, String table) {
        return allowed.stream().anyMatch(exception -> exception.module().equals(module)
                && exception.className().equals(className) && exception.table().equals(table));
    }

    /** The names after a table keyword in the source's string literals, lower case. */
    static Set<String> tablesNamed(String javaSource) {
        Set<String> tables = new TreeSet<>();
        for (String literal : stringLiterals(javaSource)) {
            Matcher named = TABLE_NAMED.matcher(literal);
            while (named.find()) {
                tables.add(named.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** The tables the migrations under {@code directories} create. */
    static Set<String> tablesCreated(Path... directories) {
        Set<String> tables = new TreeSet<>();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Matcher created = CREATED_TABLE.matcher(Files.readString(file));
                    while (created.find()) {
                        tables.add(created.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return tables;
    }

    /** The contents of the source's string literals and text blocks; comments and char literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            if (source.startsWith("//", at)) {
                int end = source.indexOf('\n', at);
                at = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", at)) {
                at = source.indexOf("*/", at + 2) + 2;
            } else if (source.startsWith("\"\"\"", at)) {
                int end = source.indexOf("\"\"\"", at + 3);
                literals.add(source.substring(at + 3, end));
                at = end + 3;
            } else if (source.charAt(at) == '"' || source.charAt(at) == '\'') {
                int end = closing(source, at);
                if (source.charAt(at) == '"') {
                    literals.add(source.substring(at + 1, end));
                }
                at = end + 1;
            } else {
                at++;
            }
        }
        return literals;
    }

    /** Where the quoted literal opened at {@code open} closes, past escaped quotes. */
    private static int closing(String source, int open) {
        char quote = source.charAt(open);
        int at = open + 1;
        while (source.charAt(at) != quote) {
            at += source.charAt(at) == '\\' ? 2 : 1;
        }
        return at;
    }

    static Set<String> tables(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
