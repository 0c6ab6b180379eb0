package io.skitai.core.daemon;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line that runs this program again in a new JVM: the same {@code java}, the same JVM
 * options, the same class path (made absolute, so the new JVM may start in another directory) and
 * the same main class or {@code -jar} file, with the program arguments you give. Immutable.
 *
 * <pre>{@code
 * List<String> cmd = JavaCommand.current(List.of("--port=8025"))
 *         .withJvmOptions("-Dmy.flag=1")
 *         .toList();
 * }</pre>
 *
 * <p>A debugger agent ({@code -agentlib:jdwp}) is left out: two JVMs cannot share its port.
 * Programs launched with {@code --module} are not supported.
 *
 * @param java        the {@code java} executable
 * @param jvmOptions  options before the class path
 * @param launch      {@code -cp <class path> <main class>} or {@code -jar <jar>}
 * @param args        the program's arguments
 */
public record JavaCommand(String java, List<String> jvmOptions, List<String> launch, List<String> args) {

    /** Freezes the lists. */
    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
        launch = List.copyOf(launch);
        args = List.copyOf(args);
    }

    /**
     * This JVM's command with other program arguments.
     *
     * @throws IllegalStateException when the main class or jar cannot be found (e.g. a modular launch)
     */
    public static JavaCommand current(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin",
                File.separatorChar == '\\' ? "java.exe" : "java").toString();
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-agentlib:jdwp") && !o.startsWith("-Xrunjdwp"))
                .toList();
        return new JavaCommand(java, options, currentLaunch(), args);
    }

    private static List<String> currentLaunch() {
        String command = System.getProperty("sun.java.command", "").strip();
        String classPath = System.getProperty("java.class.path", "");
        if (command.isEmpty() || System.getProperty("jdk.module.main") != null) {
            throw new IllegalStateException("cannot tell how this JVM was launched (modular or embedded launch):"
                    + " run it with 'java -cp <class path> <main class>' or 'java -jar <jar>'");
        }
        String first = command.split("\\s+")[0];
        if (first.endsWith(".jar") && Files.isRegularFile(Path.of(first))) {
            return List.of("-jar", Path.of(first).toAbsolutePath().normalize().toString());
        }
        String absolute = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> e.endsWith("*") ? e : Path.of(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of("-cp", absolute, first);
    }

    /** A copy with more JVM options, after the present ones (so a repeated {@code -D} wins). */
    public JavaCommand withJvmOptions(String... more) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(more));
        return new JavaCommand(java, all, launch, args);
    }

    /** A copy without the {@code -Dname=...} options of these system properties. */
    public JavaCommand withoutProperties(String... names) {
        List<String> kept = jvmOptions.stream()
                .filter(o -> Arrays.stream(names).noneMatch(n -> o.equals("-D" + n) || o.startsWith("-D" + n + "=")))
                .toList();
        return new JavaCommand(java, kept, launch, args);
    }

    /** A copy with other program arguments. */
    public JavaCommand withArgs(List<String> newArgs) {
        return new JavaCommand(java, jvmOptions, launch, newArgs);
    }

    /** The whole command: java, JVM options, launch, program arguments. */
    public List<String> toList() {
        List<String> all = new ArrayList<>();
        all.add(java);
        all.addAll(jvmOptions);
        all.addAll(launch);
        all.addAll(args);
        return all;
    }
}
