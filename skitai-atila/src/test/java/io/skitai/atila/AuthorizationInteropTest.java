package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.testkit.TestKit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code @AuthorizationRequired} with clients nobody here wrote: curl ({@code --digest},
 * {@code -u}, {@code --oauth2-bearer}) and Python's requests ({@code HTTPDigestAuth}, including a
 * stale nonce it retries and a replayed nonce count). Skipped when curl or python3 with requests
 * is not installed.
 */
class AuthorizationInteropTest {

    private static final String PYTHON = String.join("\n",
            "import sys, requests",
            "from requests.auth import HTTPDigestAuth",
            "base = sys.argv[1]",
            "s = requests.Session()",
            "def show(tag, r):",
            "    first = r.history[0].headers.get('www-authenticate', '') if r.history else ''",
            "    print(tag, r.status_code, len(r.history), 'stale' if 'stale=true' in first else '-', r.text, flush=True)",
            "both = HTTPDigestAuth('ann', 's3cret')",
            "show('both', s.get(base + '/digest/me', auth=both))",
            "sha = HTTPDigestAuth('ann', 's3cret')",
            "show('sha', s.get(base + '/hashed/digest/me', auth=sha))",
            "show('sha-again', s.get(base + '/hashed/digest/me', auth=sha))",
            "show('wrong', s.get(base + '/digest/me', auth=HTTPDigestAuth('ann', 'nope')))",
            "bob = HTTPDigestAuth('bob', 'hunter2')",
            "s.get(base + '/digest/me', auth=bob)",
            "header = bob.build_digest_header('GET', base + '/digest/me')",
            "show('next-count', s.get(base + '/digest/me', headers={'Authorization': header}))",
            "show('replay', s.get(base + '/digest/me', headers={'Authorization': header}))",
            "print('advance', flush=True)",
            "sys.stdin.readline()",
            "show('stale', s.get(base + '/hashed/digest/me', auth=sha))",
            "show('basic', requests.get(base + '/basic/me', auth=('bob', 'hunter2')))",
            "show('basic-wrong', requests.get(base + '/basic/me', auth=('bob', 'hunter3')))",
            "show('bearer', requests.get(base + '/bearer/me', headers={'Authorization': 'Bearer t-ann'}))");

    @Test
    void curlDigestBasicAndBearer() {
        assumeTrue(TestKit.commandSucceeds("curl", "--version"), "curl is not installed: the curl interop is skipped");
        TestKit.serve(AuthorizationTest.server(new AuthorizationTest.TestClock()), cli -> {
            String base = "http://127.0.0.1:" + cli.port();
            assertThat(curl("--digest", "-u", "ann:s3cret", base + "/digest/me"))
                    .as("curl takes the first (SHA-256) challenge").isEqualTo("200 ann SHA-256");
            assertThat(curl("--digest", "-u", "bob:hunter2", base + "/vault/a")).isEqualTo("200 a bob");
            assertThat(curl("--digest", "-u", "ann:s3cret", base + "/hashed/digest/me")).isEqualTo("200 ann SHA-256");
            assertThat(curl("--digest", "-u", "ann:wrong", base + "/digest/me")).startsWith("401 ").contains("SKITAI-A091");
            assertThat(curl("--digest", "-u", "zed:s3cret", base + "/digest/me")).startsWith("401 ");
            assertThat(curl("-u", "ann:s3cret", base + "/basic/me")).isEqualTo("200 ann");
            assertThat(curl("-u", "ann:wrong", base + "/basic/me")).startsWith("401 ");
            assertThat(curl("--oauth2-bearer", "t-ann", base + "/bearer/me")).isEqualTo("200 ann");
            assertThat(curl("--oauth2-bearer", "t-zed", base + "/bearer/me")).startsWith("401 ");
        });
    }

    @Test
    void pythonRequestsDigestBasicAndBearer() throws Exception {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import requests"), "python3 with requests is not installed: the requests interop is skipped");
        AuthorizationTest.TestClock clock = new AuthorizationTest.TestClock();
        TestKit.serve(AuthorizationTest.server(clock), cli -> {
            Process p = new ProcessBuilder("python3", "-c", PYTHON, "http://127.0.0.1:" + cli.port()).redirectErrorStream(true).start();
            Map<String, String> seen = new LinkedHashMap<>();
            List<String> all = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line; (line = out.readLine()) != null; ) {
                    all.add(line);
                    if (line.equals("advance")) {
                        clock.advance(Duration.ofMinutes(6));
                        in.write("\n");
                        in.flush();
                    } else {
                        int space = line.indexOf(' ');
                        seen.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
                    }
                }
            } finally {
                p.waitFor(30, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
            assertThat(p.exitValue()).as(String.join("\n", all)).isZero();
            // requests joins the two challenges into one header and keeps the last one's algorithm: MD5
            assertThat(seen.get("both")).isEqualTo("200 1 - ann MD5");
            assertThat(seen.get("sha")).isEqualTo("200 1 - ann SHA-256");
            assertThat(seen.get("sha-again")).as("the nonce reused with the next count").isEqualTo("200 0 - ann SHA-256");
            assertThat(seen.get("wrong")).startsWith("401 1 - ").contains("SKITAI-A091");
            assertThat(seen.get("next-count")).isEqualTo("200 0 - bob MD5");
            assertThat(seen.get("replay")).startsWith("401 0 - ").contains("SKITAI-A095");
            assertThat(seen.get("stale")).as("a 401 with stale=true, then a retry with the new nonce").isEqualTo("200 1 stale ann SHA-256");
            assertThat(seen.get("basic")).isEqualTo("200 0 - bob");
            assertThat(seen.get("basic-wrong")).startsWith("401 0 - ");
            assertThat(seen.get("bearer")).isEqualTo("200 0 - ann");
        });
    }

    /** curl's status and body, as "status body". */
    private static String curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-H", "Accept: application/json", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int nl = out.lastIndexOf('\n');
        return out.substring(nl + 1).strip() + " " + out.substring(0, nl);
    }

}
