package io.skitai.architecture;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No two public top-level types of Skitai's API share a simple name, so a user's file never needs
 * a fully qualified name to tell them apart (a test importing Atila's {@code Response} and the
 * testkit's response, say). Checked on the main classes of every module, which this module's test
 * class path holds. Internal packages are not API: users never import them, and each module keeps
 * its own {@code internal.Messages} by design.
 */
class TypeNamesTest {

    @Test
    void noTwoPublicTypesShareASimpleName() {
        Map<String, TreeSet<String>> byName = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skitai")
                .stream()
                .filter(TypeNamesTest::isPublicApiType)
                .collect(groupingBy(JavaClass::getSimpleName, TreeMap::new, mapping(JavaClass::getName, toCollection(TreeSet::new))));
        assertThat(byName).as("public API types of io.skitai").containsKeys("Response", "TestResponse", "Was", "Skitai");
        assertThat(byName.values()).as("public API types sharing a simple name").allSatisfy(names -> assertThat(names).hasSize(1));
    }

    private static boolean isPublicApiType(JavaClass c) {
        return c.isTopLevelClass()
                && c.getModifiers().contains(JavaModifier.PUBLIC)
                && !c.getSimpleName().equals("package-info")
                && !c.getPackageName().endsWith(".internal") && !c.getPackageName().contains(".internal.");
    }
}
