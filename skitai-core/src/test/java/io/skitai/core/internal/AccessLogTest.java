package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void basicAuthUserIsDecodedAndBearerTokensAreOnlyFingerprinted() {
        assertThat(AccessLog.basicUser("Basic aGFuczpzZWNyZXQ=")).isEqualTo("hans");
        assertThat(AccessLog.basicUser("Bearer abc")).isNull();
        assertThat(AccessLog.bearerFingerprint("Bearer my-secret-token")).startsWith("sha256:").hasSize(15)
                .doesNotContain("secret");
        assertThat(AccessLog.bearerFingerprint(null)).isEqualTo("-");
    }

    @Test
    void logOffTakesPrefixesAndSuffixes() {
        AccessLog log = new AccessLog(LogSink.console(), List.of("/static/", "*.css"), "M", () -> 0, io.skitai.core.RequestLogFormat.TEXT);
        assertThat(log.logs("/static/a.js")).isFalse();
        assertThat(log.logs("/app/site.css")).isFalse();
        assertThat(log.logs("/app/site.js")).isTrue();
        log.close();
    }
}
