package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.io.ByteArrayOutputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route binds request parameters by the Java parameter's name, which a class file holds only when
 * it was compiled with {@code -parameters}. A controller compiled without it is refused when the app
 * mounts, with the fix, instead of answering every request "400 parameter 'arg0' is required".
 * The controllers here are compiled by the JDK's compiler at test time, with and without the flag.
 */
class ParameterNamesTest {

    private static final MountInfo ROOT = new MountInfo("", List.of(), "test", Pref.create());

    private static final String GREETER = """
            package demo;

            import io.skitai.atila.Route;

            public class Greeter {
                @Route("/hello")
                public String hello(String name) {
                    return "hello " + name;
                }
            }
            """;

    private static final String NAMED_GREETER = """
            package demo;

            import io.skitai.atila.Param;
            import io.skitai.atila.Route;

            public class NamedGreeter {
                @Route("/hi/{who}")
                public String hi(@Param("who") String who, @Param(value = "greeting", defaultValue = "hi") String greeting) {
                    return greeting + " " + who;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aControllerCompiledWithoutParametersIsRefusedAtMountWithTheFix() throws Exception {
        Object greeter = compile("Greeter", GREETER, false);
        assertThat(greeter.getClass().getMethod("hello", String.class).getParameters()[0].isNamePresent()).isFalse();

        assertThatThrownBy(() -> Atila.create().register(greeter).start(ROOT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-A023 demo.Greeter.hello: parameter 1 (String arg0) binds by name")
                .hasMessageContaining("compile it with -parameters")
                .hasMessageContaining("maven-compiler-plugin <parameters>true</parameters>")
                .hasMessageContaining("or name it with @Param(\"name\")");
    }

    @Test
    void theSameControllerCompiledWithParametersMountsAndBinds() throws Exception {
        Object greeter = compile("Greeter", GREETER, true);
        assertThat(greeter.getClass().getMethod("hello", String.class).getParameters()[0].isNamePresent()).isTrue();

        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(greeter));
        TestKit.serve(server, cli -> assertThat(cli.get("/hello?name=ann").text()).isEqualTo("hello ann"));
    }

    @Test
    void explicitNamesBindWithoutParameters() throws Exception {
        Object greeter = compile("NamedGreeter", NAMED_GREETER, false);
        assertThat(greeter.getClass().getMethod("hi", String.class, String.class).getParameters()[0].isNamePresent()).isFalse();

        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(greeter));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/hi/bob?greeting=hey").text()).isEqualTo("hey bob");
            assertThat(cli.get("/hi/eve").text()).isEqualTo("hi eve");
        });
    }

    /** Compiles {@code demo.<name>} against this test's class path and returns a new instance of it. */
    private Object compile(String name, String source, boolean parameters) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src-" + parameters + "/demo"));
        Path classes = Files.createDirectories(dir.resolve("classes-" + parameters));
        Path file = Files.writeString(sources.resolve(name + ".java"), source);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "-implicit:none"));
        if (parameters) {
            args.add("-parameters");
        }
        args.add(file.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the JDK's compiler (run the tests on a JDK, not a JRE)").isNotNull();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(status).as("javac: " + errors.toString(StandardCharsets.UTF_8)).isZero();
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("demo." + name).getConstructor().newInstance();
    }
}
