package io.skitai.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static, parameterless method of a {@link SkitaiTest} class that builds the server
 * under test. It returns an unstarted {@link io.skitai.core.SkitaiServer}, or the
 * {@link io.skitai.core.ServerConfig} or {@link io.skitai.core.ServerBuilder} to make one from;
 * the extension starts it on 127.0.0.1 (on {@code @SkitaiTest(port = ...)}, or a free port) before
 * the class's tests and stops it after them. A server that needs other run options may be started
 * by the method itself, e.g. {@code return s.start(TestKit.run().threads(0));}: it is used as it is
 * and still stopped after the class.
 *
 * <pre>{@code
 * @TestServer
 * static ServerBuilder server() {
 *     ServerBuilder s = ServerBuilder.create();
 *     s.mount("/", (Exchange ex) -> ex.send("hello"));
 *     return s;
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestServer {
}
