package io.skitai.smtpda;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs smtpda in a new JVM: from this test's class path, or from the packaged jar. */
final class ChildJvm {

    /** What a finished command printed. */
    record Result(int exit, String out, String err) {}

    private ChildJvm() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -cp <test class path> io.skitai.smtpda.Smtpda args...}, output to files. */
    static ProcessBuilder fromClassPath(List<String> args, Path stdout, Path stderr) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Smtpda.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    }

    /** {@code java -jar jar args...}, waiting at most 90 s. */
    static Result runJar(Path jar, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        cmd.addAll(args);
        Path out = File.createTempFile("smtpda", ".out").toPath();
        Path err = File.createTempFile("smtpda", ".err").toPath();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("'" + String.join(" ", args) + "' did not finish in 90 s");
        }
        Result r = new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        java.nio.file.Files.deleteIfExists(out);
        java.nio.file.Files.deleteIfExists(err);
        return r;
    }
}
