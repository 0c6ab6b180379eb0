package io.skitai.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the {@code ```java} blocks of a Markdown file (a README) against the test class path,
 * so the documentation's examples keep compiling as the API changes. Each block becomes one class:
 * its top-level declarations (methods, classes, annotated members) become members, its other
 * lines the body of a method; an elided body {@code { ... }} compiles as a throw ({@code try { ... }}
 * as an empty block). The caller gives
 * the package, the imports and the members that stand for what a snippet assumes (for example
 * {@code String[] args} or a controller the text only names).
 *
 * <pre>{@code
 * List<String> errors = JavaSnippets.of(Path.of("../README.md"))
 *         .compile("snippets", List.of("io.skitai.core.*"), "String[] args = {};", tmp);
 * assertThat(errors).isEmpty();
 * }</pre>
 */
public final class JavaSnippets {

    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MEMBER_START = Pattern.compile(
            "^(@|public |private |protected |static |class |record |interface |final |abstract |void )");

    private final List<String> blocks;

    private JavaSnippets(List<String> blocks) {
        this.blocks = blocks;
    }

    /** The {@code ```java} blocks of {@code markdown}, in order. */
    public static JavaSnippets of(Path markdown) {
        try {
            Matcher m = BLOCK.matcher(Files.readString(markdown));
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1).stripIndent());
            }
            return new JavaSnippets(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks {@code which} accepts. */
    public JavaSnippets only(Predicate<String> which) {
        return new JavaSnippets(blocks.stream().filter(which).toList());
    }

    /** How many blocks there are. */
    public int size() {
        return blocks.size();
    }

    /**
     * Compiles every block as a class of {@code pkg} with {@code imports} (each a type, a
     * {@code pkg.*} or a {@code static ...}) and {@code stubs} as extra members, into {@code out};
     * the compiler's errors, each with the block's source (empty: all compiled).
     */
    public List<String> compile(String pkg, List<String> imports, String stubs, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> sources = new ArrayList<>();
        Path dir = Files.createDirectories(out.resolve(pkg.replace('.', '/')));
        for (int i = 0; i < blocks.size(); i++) {
            Path file = dir.resolve("Snippet" + i + ".java");
            Files.writeString(file, source(pkg, imports, stubs, "Snippet" + i, blocks.get(i)));
            sources.add(file);
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-d", out.toString(), "-classpath", classPath());
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String name = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
                int index = name.startsWith("Snippet") ? Integer.parseInt(name.replaceAll("\\D", "")) : -1;
                errors.add(d.getMessage(Locale.ROOT) + " (line " + d.getLineNumber() + ") in:\n"
                        + (index >= 0 ? blocks.get(index) : name));
            }
        }
        return errors;
    }

    /** The class path the tests run with (Surefire's, when it runs them). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static String source(String pkg, List<String> imports, String stubs, String name, String block) {
        String text = block.replace("try { ... }", "try { }")
                .replaceAll("\\{ \\.\\.\\. }", "{ throw new UnsupportedOperationException(); }");
        StringBuilder members = new StringBuilder();
        StringBuilder statements = new StringBuilder();
        boolean inMember = false;
        for (String line : text.split("\n", -1)) {
            boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (topLevel && !inMember && MEMBER_START.matcher(line).find()) {
                inMember = true;
            }
            (inMember ? members : statements).append(line).append('\n');
            if (inMember && topLevel && line.startsWith("}")) {
                inMember = false;
            } else if (inMember && topLevel && line.endsWith(";") && !line.contains("{")) {
                inMember = false;
            }
        }
        boolean returns = Pattern.compile("(?m)^return ").matcher(statements).find();
        StringBuilder src = new StringBuilder("package ").append(pkg).append(";\n");
        for (String i : imports) {
            src.append("import ").append(i).append(";\n");
        }
        src.append("@SuppressWarnings(\"all\")\nclass ").append(name).append(" {\n").append(stubs).append('\n')
                .append(members)
                .append("Object snippet() throws Exception {\n").append(statements)
                .append(returns ? "" : "return null;\n").append("}\n}\n");
        return src.toString();
    }
}
