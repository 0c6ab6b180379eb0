package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code @LoginRequired}, {@code @PermissionRequired} and {@code @TestpassRequired} on routes and
 * on controllers, over a real socket: requests let through, refused, and answered with the
 * handler's redirect; guards run before the route's parameters are bound; a guard without its
 * handler is a startup error.
 */
class AuthGuardsTest {

    /** Guards on single routes. */
    public static class Pages {
        final AtilaCounter routeRuns = new AtilaCounter();

        @Route("/open")
        public String open() {
            return "open";
        }

        @Route("/account") @LoginRequired
        public String account(Was was) {
            routeRuns.incrementAndGet();
            return "account of " + was.request().header("X-User").orElseThrow();
        }

        @Route("/users/{id:int}") @LoginRequired @PermissionRequired({"admin", "staff"})
        public String user(int id, @Param("q") String q) {
            return "user " + id + " " + q;
        }

        @Route("/beta") @TestpassRequired("isBetaTester")
        public String beta() {
            return "beta";
        }

        @Route("/gamma") @TestpassRequired("gammaOrRedirect")
        public String gamma() {
            return "gamma";
        }

        public boolean isBetaTester(Was was) {
            return was.request().header("X-Beta").isPresent();
        }

        public Object gammaOrRedirect(Was was) {
            return was.request().header("X-Gamma").isPresent() ? null : Response.status(303).header("Location", "/open");
        }
    }

    /** Guards on the whole controller; a method's own annotation replaces the controller's. */
    @LoginRequired
    @PermissionRequired("admin")
    public static class Admin {
        @Route("/admin/dashboard")
        public String dashboard() {
            return "dashboard";
        }

        @Route("/admin/reports") @PermissionRequired("auditor")
        public String reports() {
            return "reports";
        }
    }

    /** A test pass on the whole controller. */
    @TestpassRequired("fromLocalhost")
    public static class Internal {
        @Route("/internal/status")
        public String status() {
            return "ok";
        }

        public boolean fromLocalhost(Was was) {
            return was.request().remoteAddress().getAddress().isLoopbackAddress()
                    && !was.request().header("X-Pretend-Remote").isPresent();
        }
    }

    static final class AtilaCounter extends AtomicInteger {
        private static final long serialVersionUID = 1L;
    }

    private static Atila app(Pages pages) {
        return Atila.create().register(pages).register(new Admin()).register(new Internal())
                .loginHandler(was -> was.request().header("X-User").isPresent() ? null
                        : Response.status(302).header("Location", "/login?next=" + was.request().path()))
                .permissionHandler((was, perms) -> perms.contains(was.request().header("X-Role").orElse("")) ? null
                        : Response.of(403, "needs one of " + perms));
    }

    private static void serve(Pages pages, org.junit.jupiter.api.function.ThrowingConsumer<TestClient> test) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app(pages));
        TestKit.serve(server, test);
    }

    @Test
    void loginRequiredRedirectsToTheLoginHandlersPageAndLetsALoggedInUserThrough() {
        Pages pages = new Pages();
        serve(pages, cli -> {
            assertThat(cli.get("/open").text()).isEqualTo("open");
            var refused = cli.get("/account");
            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.header("Location")).contains("/login?next=/account");
            assertThat(pages.routeRuns.get()).as("the route did not run").isZero();
            var allowed = cli.request("GET", "/account").header("X-User", "ann").send();
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.text()).isEqualTo("account of ann");
            assertThat(pages.routeRuns.get()).isEqualTo(1);
        });
    }

    @Test
    void permissionRequiredPassesThePermissionsToTheHandlerAndChecksBeforeBinding() {
        serve(new Pages(), cli -> {
            var ok = cli.request("GET", "/users/7").query("q", "x").header("X-User", "ann").header("X-Role", "staff").send();
            assertThat(ok.text()).isEqualTo("user 7 x");
            var refused = cli.request("GET", "/users/7").query("q", "x").header("X-User", "bob").header("X-Role", "guest").send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).contains("needs one of [admin, staff]");
            // the missing parameter q would be a 400, but the refusal comes first: nothing is bound for a refused request
            var unbound = cli.request("GET", "/users/7").header("X-User", "bob").send();
            assertThat(unbound.status()).isEqualTo(403);
            // login is checked before the permission
            assertThat(cli.request("GET", "/users/7").header("X-Role", "admin").send().status()).isEqualTo(302);
            // an allowed request still gets its parameter errors
            assertThat(cli.request("GET", "/users/7").header("X-User", "ann").header("X-Role", "admin").send().status()).isEqualTo(400);
        });
    }

    @Test
    void controllerLevelGuardsCoverEveryRouteAndAMethodAnnotationReplacesTheControllers() {
        serve(new Pages(), cli -> {
            assertThat(cli.get("/admin/dashboard").status()).isEqualTo(302);
            assertThat(cli.request("GET", "/admin/dashboard").header("X-User", "ann").header("X-Role", "staff").send().status())
                    .isEqualTo(403);
            assertThat(cli.request("GET", "/admin/dashboard").header("X-User", "ann").header("X-Role", "admin").send().text())
                    .isEqualTo("dashboard");
            assertThat(cli.get("/admin/reports").status()).as("login still required from the controller").isEqualTo(302);
            assertThat(cli.request("GET", "/admin/reports").header("X-User", "ann").header("X-Role", "admin").send().status())
                    .isEqualTo(403);
            assertThat(cli.request("GET", "/admin/reports").header("X-User", "ann").header("X-Role", "auditor").send().text())
                    .isEqualTo("reports");
        });
    }

    @Test
    void testpassRequiredAnswers403OnFalseOrTheTestsOwnResponse() {
        serve(new Pages(), cli -> {
            var refused = cli.request("GET", "/beta").header("Accept", "application/json").send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).startsWith("SKITAI-A097");
            assertThat(cli.request("GET", "/beta").header("X-Beta", "1").send().text()).isEqualTo("beta");
            var redirected = cli.get("/gamma");
            assertThat(redirected.status()).isEqualTo(303);
            assertThat(redirected.header("Location")).contains("/open");
            assertThat(cli.request("GET", "/gamma").header("X-Gamma", "1").send().text()).isEqualTo("gamma");
            assertThat(cli.get("/internal/status").text()).isEqualTo("ok");
            assertThat(cli.request("GET", "/internal/status").header("X-Pretend-Remote", "1").send().status()).isEqualTo(403);
        });
    }

    private static final MountInfo ROOT = new MountInfo("", List.of(), "test", Pref.create());

    public static class NoTest {
        @Route("/x") @TestpassRequired("missing")
        public String x() {
            return "x";
        }
    }

    @Test
    void aGuardWithoutItsHandlerIsAStartupError() {
        assertThatThrownBy(() -> Atila.create().register(new Pages()).start(ROOT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-A084 Pages.account: @LoginRequired needs app.loginHandler");
        assertThatThrownBy(() -> Atila.create().register(new Admin()).loginHandler(was -> null).start(ROOT))
                .hasMessageContaining("@PermissionRequired needs app.permissionHandler");
        assertThatThrownBy(() -> Atila.create().register(new NoTest()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A085 NoTest.x: @TestpassRequired(\"missing\") names no method of NoTest");
    }

    @Test
    void handlersCannotChangeAfterStart() throws Exception {
        Atila app = Atila.create().register(new Internal());
        app.start(ROOT);
        assertThatThrownBy(() -> app.loginHandler(was -> null)).hasMessageStartingWith("SKITAI-A081 loginHandler(..) after the app started");
    }
}
