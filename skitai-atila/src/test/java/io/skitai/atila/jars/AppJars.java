package io.skitai.atila.jars;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds app jars at test time: compiles Java sources against the tests' class path with the
 * JDK's compiler and packs the classes, resources and manifest attributes with java.util.jar.
 */
public final class AppJars {

    private final Path classes;
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private AppJars(Path classes) {
        this.classes = classes;
    }

    /** Compiles {@code sources} (class name to source) into a fresh directory under {@code work}. */
    public static AppJars compile(Path work, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path out = Files.createTempDirectory(work, "classes");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-parameters", "-d", out.toString(), "-classpath", classPath());
            Boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("test app does not compile: " + diagnostics.getDiagnostics());
            }
        }
        return new AppJars(out);
    }

    /** Adds a resource (path in the jar to text). */
    public AppJars resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /** Adds a main manifest attribute. */
    public AppJars attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** Writes the jar to {@code target} in one step (a temp file beside it, then a rename). */
    public Path writeTo(Path target) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".building-", ".tmp");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (OutputStream file = Files.newOutputStream(temp); JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                jar.putNextEntry(new JarEntry(r.getKey()));
                jar.write(r.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
