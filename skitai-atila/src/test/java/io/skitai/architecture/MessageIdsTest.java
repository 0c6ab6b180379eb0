package io.skitai.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One message-id scheme across modules: every failure message starts with
 * {@code SKITAI-<module letter><nnn>}, each module's messages live in its one
 * {@code io.skitai.<module>.internal.Messages} class, and no two messages (overloads of one
 * message aside) share an id.
 */
class MessageIdsTest {

    /** The letter of each module; websocket has no messages yet. */
    static final Map<String, Character> LETTERS = Map.of(
            "core", 'C', "was", 'W', "websocket", 'K', "atila", 'A', "smtpda", 'S', "testkit", 'T',
            "servlet", 'V');

    private static final Pattern ANY_ID = Pattern.compile("SKITAI-[A-Z]\\d{3}|SMTPDA-");

    @Test
    void everyMessageStartsWithItsModulesId() throws Exception {
        for (var module : LETTERS.entrySet()) {
            for (Message m : messages(module.getKey())) {
                assertThat(m.text()).as(m.method().toString())
                        .matches("SKITAI-" + module.getValue() + "\\d{3} \\S[\\s\\S]*");
            }
        }
    }

    @Test
    void noTwoMessagesShareAnId() throws Exception {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String module : LETTERS.keySet()) {
            for (Message m : messages(module)) {
                String id = m.text().substring(0, 11);
                String owner = m.method().getDeclaringClass().getName() + "." + m.method().getName();
                String first = owners.putIfAbsent(id, owner);
                assertThat(first).as(id + " is used by " + first + " and " + owner + " (overloads may share one)")
                        .isIn(null, owner);
            }
        }
        assertThat(owners).hasSizeGreaterThan(100);
    }

    @Test
    void idsAppearOnlyInTheMessagesClasses() throws Exception {
        List<String> strays = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.skitai")) {
            if (c.getPackageName().endsWith(".internal") && c.getSimpleName().equals("Messages")) {
                continue;
            }
            URI uri = c.getSource().orElseThrow().getUri();
            try (InputStream in = uri.toURL().openStream()) {
                Matcher m = ANY_ID.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    strays.add(c.getName() + ": " + m.group());
                }
            }
        }
        assertThat(strays).as("message ids outside io.skitai.<module>.internal.Messages").isEmpty();
    }

    private record Message(Method method, String text) {}

    /** Every public message of a module's Messages class, built with sample arguments. */
    private static List<Message> messages(String module) throws Exception {
        Class<?> type;
        try {
            type = Class.forName("io.skitai." + module + ".internal.Messages");
        } catch (ClassNotFoundException e) {
            assertThat(module).as("only websocket has no messages yet").isEqualTo("websocket");
            return List.of();
        }
        List<Message> out = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == String.class) {
                Object[] args = new Object[m.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = sample(m.getParameterTypes()[i]);
                }
                out.add(new Message(m, (String) m.invoke(null, args)));
            }
        }
        assertThat(out).as(type.getName()).isNotEmpty();
        return out;
    }

    private static Object sample(Class<?> t) throws Exception {
        if (t == String.class || t == Object.class) {
            return "x";
        } else if (t == int.class || t == Integer.class) {
            return 1;
        } else if (t == long.class) {
            return 1L;
        } else if (t == boolean.class) {
            return true;
        } else if (t == String[].class) {
            return new String[] {"x"};
        } else if (t == Class.class) {
            return Object.class;
        } else if (t.isAssignableFrom(List.class) && Collection.class.isAssignableFrom(t)) {
            return List.of("x");
        } else if (t == Path.class) {
            return Path.of("x");
        } else if (t == Instant.class) {
            return Instant.EPOCH;
        } else if (t == URI.class) {
            return URI.create("http://x");
        } else if (t == Method.class) {
            return Object.class.getMethod("equals", Object.class);
        } else if (t == Parameter.class) {
            return Object.class.getMethod("equals", Object.class).getParameters()[0];
        } else if (Throwable.class.isAssignableFrom(t)) {
            return throwable(t);
        }
        for (Field f : t.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == t) {
                return f.get(null);
            }
        }
        throw new AssertionError("no sample value of " + t + ": teach MessageIdsTest.sample one");
    }

    private static Object throwable(Class<?> t) throws Exception {
        for (Constructor<?> c : t.getConstructors()) {
            Object[] args = new Object[c.getParameterCount()];
            try {
                for (int i = 0; i < args.length; i++) {
                    Class<?> p = c.getParameterTypes()[i];
                    args[i] = Throwable.class.isAssignableFrom(p) ? null : sample(p);
                }
            } catch (AssertionError e) {
                continue;
            }
            return c.newInstance(args);
        }
        throw new AssertionError("no public constructor of " + t + " takes sample values");
    }
}
