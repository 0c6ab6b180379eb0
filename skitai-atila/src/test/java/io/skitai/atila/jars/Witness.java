package io.skitai.atila.jars;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * What the apps in test jars report to the tests: they see this class through their class
 * loader's parent (the engine's), as they see Atila.
 */
public final class Witness {

    /** Lifecycle hooks run, as "v2 reloaded". */
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** Counted down when a slow request entered its handler. */
    public static volatile CountDownLatch slowEntered = new CountDownLatch(1);

    /** Awaited by a slow request before it answers. */
    public static volatile CountDownLatch slowRelease = new CountDownLatch(1);

    private Witness() {}
}
