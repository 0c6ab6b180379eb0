package io.skitai.atila.internal;

import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.nio.file.Path;

/**
 * Where an app's templates live: a classpath prefix (default {@code templates}) or a directory.
 *
 * @param classpathPrefix the resource prefix, e.g. {@code "templates"}, when {@code directory} is null
 * @param directory       the filesystem directory, or null for classpath templates
 */
public record TemplateFolder(String classpathPrefix, Path directory) {

    /** The default: the {@code templates/} resources on the app's classpath. */
    public static final TemplateFolder DEFAULT = classpath("templates");

    /** Templates under a classpath prefix such as {@code "templates"} or {@code "v1/templates/"}. */
    public static TemplateFolder classpath(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException(Messages.templatesNullPrefix());
        }
        String p = prefix.replaceAll("^/+|/+$", "");
        return new TemplateFolder(p, null);
    }

    /** Templates in a filesystem directory. */
    public static TemplateFolder directory(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException(Messages.templatesNullDirectory());
        }
        return new TemplateFolder(null, directory.toAbsolutePath().normalize());
    }

    /** A Pebble loader reading this folder; classpath templates come from {@code classLoader}. */
    Loader<String> loader(ClassLoader classLoader) {
        if (directory != null) {
            FileLoader loader = new FileLoader();
            loader.setPrefix(directory.toString());
            return loader;
        }
        ClasspathLoader loader = new ClasspathLoader(classLoader);
        loader.setPrefix(classpathPrefix.isEmpty() ? null : classpathPrefix);
        return loader;
    }

    @Override
    public String toString() {
        return directory != null ? directory.toString() : "classpath:" + classpathPrefix + "/";
    }
}
