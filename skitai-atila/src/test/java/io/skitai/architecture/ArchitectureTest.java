package io.skitai.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module structure of DESIGN.md §1 and §3b, checked on the compiled main classes of every
 * module (this module's test class path holds them all): dependencies point one way,
 * {@code core <- was <- websocket <- atila}, {@code smtpda} under {@code was}, {@code servlet} on
 * {@code was} (and nothing on it), {@code testkit} over
 * the engine; no cycles; no module imports another module's {@code internal} package.
 */
class ArchitectureTest {

    private static final List<String> MODULES = List.of("core", "smtpda", "was", "servlet", "websocket", "atila", "testkit");

    /** What each module may use besides itself (and the JDK and libraries). */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "core", List.of(),
            "smtpda", List.of("core"),
            "was", List.of("core", "smtpda"),
            "servlet", List.of("core", "smtpda", "was"),
            "websocket", List.of("core", "smtpda", "was"),
            "atila", List.of("core", "smtpda", "was", "websocket"),
            "testkit", List.of("core"));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skitai");
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("io.skitai.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        for (String module : MODULES) {
            String[] forbidden = MODULES.stream()
                    .filter(m -> !m.equals(module) && !ALLOWED.get(module).contains(m))
                    .map(m -> "io.skitai." + m + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.skitai." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("DESIGN.md §1: " + module + " may use only " + ALLOWED.get(module))
                    .check(classes);
        }
    }

    @Test
    void noModuleImportsAnotherModulesInternals() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("io.skitai." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.skitai." + module + ".internal..")
                    .because("DESIGN.md §3b: io.skitai." + module + ".internal is " + module + "'s own")
                    .check(classes);
        }
    }
}
