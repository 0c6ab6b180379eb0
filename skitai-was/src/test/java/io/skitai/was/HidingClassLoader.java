package io.skitai.was;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Loads skitai-was's classes itself (so they link against what this loader shows) and hides the
 * packages given, as if their artifacts were missing; everything else comes from the parent.
 */
final class HidingClassLoader extends ClassLoader {

    private final List<String> hidden;

    HidingClassLoader(ClassLoader parent, String... hiddenPrefixes) {
        super(parent);
        this.hidden = List.of(hiddenPrefixes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (hidden.stream().anyMatch(name::startsWith)) {
                throw new ClassNotFoundException(name + " (hidden by the test)");
            }
            if (!name.startsWith("io.skitai.was.")) {
                return super.loadClass(name, resolve);
            }
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    c = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
