package ca.constituent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house rule true for src/main/java: no class (a file, records and enums included) over 250 lines, no
 * method or constructor over 40, counted from its declaration to its closing brace. A plain scan of the source:
 * comments, strings, text blocks and character literals are skipped, so their braces do not count.
 */
class SourceSizeTest {

    static final Path MAIN = Path.of("src/main/java");
    static final int MAX_CLASS = 250;
    static final int MAX_METHOD = 40;

    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\b");
    /** An annotation, with arguments holding at most one level of parentheses (literals are blanked already). */
    private static final Pattern ANNOTATION = Pattern.compile("@\\s*[\\w.]+(\\s*\\([^()]*(\\([^()]*\\)[^()]*)*\\))?");

    @Test
    void noClassIsOver250Lines() {
        List<String> over = new ArrayList<>();
        for (Path file : sources()) {
            int lines = read(file).split("\n", -1).length - (read(file).endsWith("\n") ? 1 : 0);
            if (lines > MAX_CLASS) {
                over.add(MAIN.relativize(file) + " " + lines);
            }
        }
        assertEquals(List.of(), over, "classes over " + MAX_CLASS + " lines");
    }

    @Test
    void noMethodIsOver40Lines() {
        List<String> over = new ArrayList<>();
        for (Path file : sources()) {
            for (Method method : methods(read(file))) {
                if (method.lines() > MAX_METHOD) {
                    over.add(MAIN.relativize(file) + " " + method.name() + " " + method.lines());
                }
            }
        }
        assertEquals(List.of(), over, "methods over " + MAX_METHOD + " lines");
    }

    @Test
    void theScanFindsMethodsAndSkipsBracesInStringsAndComments() {
        String source = """
                class A {
                    private static final String T = \"""
                        { not a block
                        \""";
                    // a comment {
                    A() {
                        char c = '{';
                    }
                    record R(int x) {
                        int twice() {
                            return "}".length() * x; /* } */
                        }
                    }
                    void run() {
                        Runnable r = () -> {
                        };
                    }
                }
                """;
        assertEquals(List.of(new Method("A", 3), new Method("twice", 3), new Method("run", 4)), methods(source));
        assertTrue(sources().size() > 10, "the scan sees the main sources");
    }

    /** A method or constructor: its name and how many lines it spans. */
    record Method(String name, int lines) {
    }

    /** The methods and constructors of a source, nested types' included; lambdas and blocks belong to theirs. */
    static List<Method> methods(String source) {
        String code = blankLiteralsAndComments(source);
        List<Method> methods = new ArrayList<>();
        Deque<Block> open = new ArrayDeque<>();
        int line = 1;
        int headerStart = 0;
        int headerLine = 1;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                boolean inType = open.isEmpty() || open.peek().kind() == Kind.TYPE;
                open.push(block(code.substring(headerStart, i), headerLine, inType));
            } else if (c == '}' && !open.isEmpty()) {
                Block block = open.pop();
                if (block.kind() == Kind.METHOD) {
                    methods.add(new Method(block.name(), line - block.line() + 1));
                }
            }
            if (c == '\n') {
                line++;
            }
            if (c == ';' || c == '{' || c == '}') {
                headerStart = i + 1;
                headerLine = line;
            }
        }
        return methods;
    }

    private enum Kind { TYPE, METHOD, OTHER }

    private record Block(Kind kind, String name, int line) {
    }

    /**
     * What the brace after {@code header} opens. A type names its keyword before any parenthesis; a method, in a
     * type's body, has a parameter list and no {@code =} or {@code ->} before it (a field's initializer, a lambda).
     */
    private static Block block(String header, int headerLine, boolean inType) {
        String declaration = ANNOTATION.matcher(header).replaceAll(m -> m.group().replaceAll("[^\n]", " "));
        int first = 0;
        while (first < declaration.length() && Character.isWhitespace(declaration.charAt(first))) {
            first++;
        }
        int line = headerLine + (int) declaration.substring(0, first).chars().filter(ch -> ch == '\n').count();
        int paren = declaration.indexOf('(');
        String beforeParen = (paren < 0 ? declaration : declaration.substring(0, paren)).strip();
        if (TYPE.matcher(beforeParen).find()) {
            return new Block(Kind.TYPE, "", line);
        }
        if (inType && paren > 0 && !beforeParen.contains("=") && !declaration.contains("->")) {
            return new Block(Kind.METHOD, beforeParen.substring(beforeParen.lastIndexOf(' ') + 1), line);
        }
        return new Block(Kind.OTHER, "", line);
    }

    /** The source with every comment, string, text block and character literal replaced by spaces (lines kept). */
    static String blankLiteralsAndComments(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end = literalEnd(source, i);
            for (int j = i; j < end; j++) {
                if (source.charAt(j) != '\n' && end > i + 1) {
                    out.setCharAt(j, ' ');
                }
            }
            i = Math.max(end, i + 1);
        }
        return out.toString();
    }

    /** The index after the comment or literal starting at {@code i}, or {@code i + 1} when none starts there. */
    private static int literalEnd(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            return s.indexOf("*/", i + 2) + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return closing(s, i + 3, "\"\"\"");
        }
        if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
            return closing(s, i + 1, String.valueOf(s.charAt(i)));
        }
        return i + 1;
    }

    private static int closing(String s, int from, String quote) {
        int j = from;
        while (!s.startsWith(quote, j)) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + quote.length();
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
