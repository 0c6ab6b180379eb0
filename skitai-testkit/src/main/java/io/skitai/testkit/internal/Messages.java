package io.skitai.testkit.internal;

import java.nio.file.Path;

/**
 * Every failure message the testkit shows, in one place, each with a stable id
 * ({@code SKITAI-Tnnn}) and written to be acted on.
 */
public final class Messages {

    private Messages() {}

    public static String noServerSource(Class<?> testClass) {
        return "SKITAI-T001 @SkitaiTest on " + testClass.getName() + " has nothing to serve: add a static method"
                + " annotated @TestServer that returns a configured SkitaiServer, or name a main class with"
                + " @SkitaiTest(app = MyService.class), or use @SkitaiTest(dry = true, port = N) for a server you run yourself";
    }

    public static String tooManyServerSources(Class<?> testClass, String what) {
        return "SKITAI-T002 @SkitaiTest on " + testClass.getName() + " has more than one server source (" + what
                + "): keep exactly one of app = ..., one @TestServer method, or dry = true";
    }

    public static String badFactory(String method, String reason) {
        return "SKITAI-T003 @TestServer method " + method + " " + reason
                + "; write it as: @TestServer static SkitaiServer server() { ... }";
    }

    public static String dryNeedsPort(Class<?> testClass, String property) {
        return "SKITAI-T004 @SkitaiTest(dry = true) on " + testClass.getName() + " needs the port of the server you run:"
                + " give port = N, or set the system property " + property + " (e.g. -D" + property + "=5000)";
    }

    public static String dryNothingListening(String host, int port) {
        return "SKITAI-T005 dry = true targets " + host + ":" + port + ", but nothing accepts connections there:"
                + " start your server on that port first (dry tests do not start one)";
    }

    public static String portBusy(int port, Class<?> main) {
        return "SKITAI-T006 cannot start " + main.getName() + " on 127.0.0.1:" + port
                + ": something else listens there already; stop it, use port = 0 for a free port,"
                + " or dry = true to test the server that is running";
    }

    public static String childExited(Class<?> main, int port, int status, Path log, String tail) {
        return "SKITAI-T007 " + main.getName() + " (child JVM for port " + port + ") exited with status " + status
                + " before it listened; its output (" + log.toAbsolutePath() + ") ends with:\n" + tail;
    }

    public static String childTimeout(Class<?> main, int port, long seconds, Path log, String tail) {
        return "SKITAI-T008 " + main.getName() + " (child JVM) did not listen on 127.0.0.1:" + port + " within "
                + seconds + " s; does its main call Skitai.run(Run.port(..).args(args))? Its output ("
                + log.toAbsolutePath() + ") ends with:\n" + tail;
    }

    public static String childLaunch(Class<?> main, String reason) {
        return "SKITAI-T009 cannot launch a child JVM for " + main.getName() + ": " + reason;
    }

    public static String noMain(Class<?> main) {
        return "SKITAI-T010 app = " + main.getName() + " has no 'public static void main(String[])'; app names the"
                + " main class that calls Skitai.run(..)";
    }

    public static String noInProcessServer(Class<?> testClass, String mode) {
        return "SKITAI-T011 cannot inject SkitaiServer into " + testClass.getName() + ": it " + mode
                + "; only a @TestServer method gives an in-process server (inject TestClient instead)";
    }

    public static String notSkitaiTest(Class<?> testClass) {
        return "SKITAI-T012 " + testClass.getName() + " uses the Skitai extension without @SkitaiTest;"
                + " annotate the class (or an enclosing class) with @SkitaiTest";
    }
}
