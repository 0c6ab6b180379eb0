package io.skitai.testkit;

import io.skitai.testkit.internal.SkitaiExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a live Skitai server on 127.0.0.1 and injects a {@link TestClient}
 * (and, for in-process servers, the {@link io.skitai.core.SkitaiServer}) into constructors,
 * {@code @BeforeAll}, {@code @BeforeEach} and test methods. The server is started once before the
 * class's tests and stopped after them; {@code @Nested} classes share their outer class's server.
 *
 * <p>Where the server comes from, one of:
 * <ul>
 *   <li>a static {@link TestServer} method of the class returning a configured server (the usual
 *       case: fast, in this JVM);</li>
 *   <li>{@link #app()}: a main class, run in a child JVM on this JVM's class path as
 *       {@code java -cp <class path> <app> --skitai-port=N --skitai-address=127.0.0.1 <args>}, so the
 *       port its {@code Skitai.run(Run.port(5000).args(args))} names is overridden, as with the
 *       Python {@code skitai.test_client("./app.py", 6000)}. Its output goes to
 *       {@code target/skitai-testkit/<App>-<port>.log}; a start failure shows the tail;</li>
 *   <li>{@link #dry()}: nothing is started; the tests target a server you run yourself on
 *       {@link #port()}.</li>
 * </ul>
 *
 * <pre>{@code
 * @SkitaiTest
 * class PetsTest {
 *     @TestServer
 *     static SkitaiServer server() { ... }
 *
 *     @Test
 *     void findsPet(TestClient cli) {
 *         Map<String, Object> pet = cli.api().path("apis").path("pets", 45).get().data();
 *         assertThat(pet).containsEntry("id", 45);
 *     }
 * }
 *
 * @SkitaiTest(app = MyService.class, port = 6000)
 * class MyServiceTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SkitaiExtension.class)
public @interface SkitaiTest {

    /**
     * The system property a dry test with {@code port = 0} takes its port from, so a build can point
     * a dry suite at a running server: {@code mvn verify -Dskitai.test.port=5000}.
     */
    String PORT_PROPERTY = "skitai.test.port";

    /** A main class to run in a child JVM ({@code void.class}: use the {@link TestServer} method). */
    Class<?> app() default void.class;

    /** The port to serve on (0: a free one). With {@link #dry()}, the port of your running server. */
    int port() default 0;

    /** Start nothing; target the server already listening on 127.0.0.1:{@link #port()}. */
    boolean dry() default false;

    /** App arguments passed to {@link #app()}'s main after the engine's options. */
    String[] args() default {};

    /** JVM options for {@link #app()}'s child JVM, e.g. {@code "-Dmy.flag=1"}, {@code "-Xmx256m"}. */
    String[] jvmArgs() default {};
}
