package io.skitai.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every logger a module's main code names is {@code io.skitai.<module>} or below it (e.g.
 * {@code io.skitai.atila.events}), so {@code io.skitai} configures them all. Logger names are
 * arguments, not types, so this reads the main sources of the modules beside this one (tests run
 * in the reactor, from the module's directory).
 */
class LoggerNamesTest {

    private static final Pattern LOGGER = Pattern.compile("getLogger\\(\\s*\"([^\"]*)\"");

    @Test
    void everyLoggerIsNamedAfterItsModule() throws IOException {
        Path root = projectRoot();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String module : MessageIdsTest.LETTERS.keySet()) {
            Path sources = root.resolve("skitai-" + module).resolve("src/main/java");
            assertThat(sources).as("main sources of " + module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = LOGGER.matcher(Files.readString(file));
                    while (m.find()) {
                        String name = m.group(1);
                        checked.add(name);
                        if (!name.equals("io.skitai." + module) && !name.startsWith("io.skitai." + module + ".")
                                && !isLibraryLogger(module, file, name)) {
                            wrong.add(root.relativize(file) + ": \"" + name + "\"");
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("loggers not named io.skitai.<module>[.sub]").isEmpty();
        assertThat(checked).contains("io.skitai.core", "io.skitai.was", "io.skitai.atila", "io.skitai.smtpda");
    }

    /** Core's log setup names the parent of all modules and the libraries it quiets, without logging to them. */
    private static boolean isLibraryLogger(String module, Path file, String name) {
        return module.equals("core") && file.endsWith("EngineLogging.java")
                && List.of("io.skitai", "io.undertow", "org.xnio", "org.jboss.threads").contains(name);
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("skitai-core/src/main/java"))) {
                return dir;
            }
        }
        throw new AssertionError("run from the Skitai source tree (mvn test in the project or a module directory)");
    }
}
