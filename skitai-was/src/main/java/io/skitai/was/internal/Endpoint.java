package io.skitai.was.internal;

import io.skitai.core.Alias;
import java.net.URI;
import java.util.Optional;

/**
 * Where a call goes: one member of an alias, or an absolute URL.
 *
 * @param uri      the full URI of the call (scheme, host, port, the member's path and the call's path and query)
 * @param member   the alias member, empty for an absolute URL
 * @param weight   the member's weight (1 for an absolute URL)
 * @param alias    the name of the member's alias, empty for an absolute URL
 */
record Endpoint(URI uri, Optional<Alias.Member> member, int weight, Optional<String> alias) {

    /** The transport's view of this endpoint with {@code headers} to send. */
    Target target(java.util.Map<String, String> headers) {
        return new Target(uri, member.flatMap(Alias.Member::user), member.flatMap(Alias.Member::password), headers, alias);
    }
}
