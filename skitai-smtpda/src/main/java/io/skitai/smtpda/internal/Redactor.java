package io.skitai.smtpda.internal;

import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Takes secrets out of text before it is logged or written as a failure reason: each password, and
 * its base64 form (what SMTP AUTH sends), becomes {@code ***}. A second line of defence: smtpda
 * never puts a password into a message in the first place.
 */
public final class Redactor {

    private final Set<String> secrets = new LinkedHashSet<>();

    /** A redactor for these secrets (blank ones are ignored). */
    public Redactor(Collection<String> secrets) {
        for (String s : secrets) {
            add(s);
        }
    }

    /** Also hides {@code secret} from now on. */
    public synchronized void add(String secret) {
        if (secret != null && secret.length() >= 3) {
            secrets.add(secret);
            secrets.add(Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    public synchronized String redact(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
