package io.skitai.core.internal.process;

import io.skitai.core.SharedState;
import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import java.util.List;

/** Picks the shared-state store; the Redis one only when Lettuce is on the class path. */
final class StateStores {

    private StateStores() {}

    static SharedState redis(String uri, String namespace, List<String> luKeys, List<String> gsKeys) {
        try {
            Class.forName("io.lettuce.core.RedisClient", false, StateStores.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StartupException(Messages.lettuceMissing(uri), e);
        }
        return RedisState.connect(uri, namespace, luKeys, gsKeys);
    }
}
