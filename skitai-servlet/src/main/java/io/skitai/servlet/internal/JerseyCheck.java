package io.skitai.servlet.internal;

/** Whether Jersey, an optional dependency, is there; names the artifacts to add when it is not. */
public final class JerseyCheck {

    /** The classes a Jersey servlet needs: its servlet container and its injection manager. */
    private static final String[] REQUIRED = {
        "org.glassfish.jersey.servlet.ServletContainer", "org.glassfish.jersey.inject.hk2.Hk2InjectionManagerFactory"};

    private JerseyCheck() {}

    /** Fails with a message naming the artifacts when Jersey is not on the class path of {@code loader}. */
    public static void require(ClassLoader loader) {
        for (String name : REQUIRED) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(Messages.jerseyMissing(name), e);
            }
        }
    }
}
