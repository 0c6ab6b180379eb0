package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.ServerContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skitai-smtpda is an optional dependency of skitai-was: without it on the class path, {@code Was}
 * still loads, links and reflects (Pebble templates call its methods), and {@code was.email(..)}
 * fails with a message naming the artifact to add. With it, {@code was.email(..)} spools.
 */
class WithoutSmtpdaTest {

    @TempDir
    Path spool;

    @Test
    void wasWorksWithoutSmtpdaAndEmailSaysWhatToAdd() throws Exception {
        ClassLoader withoutSmtpda = new HidingClassLoader(getClass().getClassLoader(), "io.skitai.smtpda.");
        Class<?> was = Class.forName("io.skitai.was.Was", true, withoutSmtpda); // initialised: every method verified
        assertThat(was.getClassLoader()).isSameAs(withoutSmtpda);
        assertThat(was.getMethods()).extracting(Method::getName).contains("email", "urlFor", "render");
        assertThatThrownBy(() -> withoutSmtpda.loadClass("io.skitai.smtpda.Email")).isInstanceOf(ClassNotFoundException.class);

        Object aWas = withoutRequest(was, withoutSmtpda);
        Method email = was.getMethod("email", String.class, String.class, String[].class);
        assertThat(email.getReturnType().getName()).isEqualTo("io.skitai.was.Mail");
        assertThatThrownBy(() -> email.invoke(aWas, "Hi", "me@example.com", new String[] {"you@example.com"}))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-W009 was.email(..) needs skitai-smtpda on the class path")
                .hasMessageContaining("add io.skitai:skitai-smtpda");
    }

    @Test
    void withSmtpdaEmailSpools() throws Exception {
        Was was = (Was) withoutRequest(Was.class, getClass().getClassLoader());
        String id = was.email("Hi", "me@example.com", "you@example.com").addContent("hello", "text/plain").spool(spool).send();
        assertThat(spool.resolve("queue/" + id + ".0.0.msg")).content().contains("Subject: Hi").contains("hello");
    }

    /** {@code Was.withoutRequest(..)} of the {@code Was} class given, on a server no call here reaches. */
    private static Object withoutRequest(Class<?> was, ClassLoader loader) throws Exception {
        Object server = Proxy.newProxyInstance(loader, new Class<?>[] {ServerContext.class}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
        });
        Class<?> urls = loader.loadClass("io.skitai.was.RouteUrls");
        Class<?> templates = loader.loadClass("io.skitai.was.Templates");
        Class<?> events = loader.loadClass("io.skitai.was.AppEvents");
        Class<?> requestType = loader.loadClass("io.skitai.was.RequestType");
        return was.getMethod("withoutRequest", ServerContext.class, String.class, urls, templates, events, requestType)
                .invoke(null, server, "/", urls.getMethod("none").invoke(null), templates.getMethod("none").invoke(null),
                        events.getMethod("none").invoke(null), requestType.getField("JSON").get(null));
    }
}
