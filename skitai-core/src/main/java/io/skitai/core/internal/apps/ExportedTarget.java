package io.skitai.core.internal.apps;

import io.skitai.core.ExportedApp;
import java.util.Optional;

/**
 * A mount target naming an {@link ExportedApp}: by its exported name or by its class.
 *
 * @param name the exported name, when mounted by name
 * @param type the class, when mounted by class
 */
public record ExportedTarget(Optional<String> name, Optional<Class<? extends ExportedApp>> type) {

    /** By exported name. */
    public static ExportedTarget named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an exported app's name must not be blank");
        }
        return new ExportedTarget(Optional.of(name), Optional.empty());
    }

    /** By class. */
    public static ExportedTarget of(Class<? extends ExportedApp> type) {
        if (type == null) {
            throw new IllegalArgumentException("mount(point, (Class) null, pref): pass an ExportedApp class");
        }
        return new ExportedTarget(Optional.empty(), Optional.of(type));
    }

    @Override
    public String toString() {
        return "exported app " + name.orElseGet(() -> type.get().getName());
    }
}
