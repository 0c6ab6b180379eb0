package io.skitai.atila.internal;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.skitai.core.HttpError;
import io.skitai.was.Templates;
import io.skitai.was.Was;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * An app's templates rendered by Pebble, HTML auto-escaping on; numeric arguments match
 * {@code int}/{@code long}/... parameters of model methods (Pebble's greedy method matching).
 * Compiled templates are cached unless {@code debug} is on, in which case every render reads the
 * template again, so an edit on disk shows on the next request.
 */
public final class PebbleTemplates implements Templates {

    private final PebbleEngine engine;
    private final TemplateFolder folder;
    private final boolean debug;

    private PebbleTemplates(PebbleEngine engine, TemplateFolder folder, boolean debug) {
        this.engine = engine;
        this.folder = folder;
        this.debug = debug;
    }

    /** Templates read from {@code folder} (classpath ones through {@code classLoader}). */
    public static PebbleTemplates create(TemplateFolder folder, ClassLoader classLoader, boolean debug) {
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(folder.loader(classLoader))
                .autoEscaping(true)
                .cacheActive(!debug)
                .greedyMatchMethod(true)
                .build();
        return new PebbleTemplates(engine, folder, debug);
    }

    @Override
    public String render(Was was, String name, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("was", was);
        StringWriter out = new StringWriter();
        try {
            PebbleTemplate template = engine.getTemplate(name);
            template.evaluate(out, context);
        } catch (PebbleException e) {
            throw failure(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.templateWriteFailed(name, folder), e);
        }
        return out.toString();
    }

    private RuntimeException failure(String name, PebbleException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof HttpError http) {
                return http;
            }
        }
        if (e instanceof LoaderException) {
            return new IllegalStateException(Messages.templateNotFound(name, folder), e);
        }
        return new IllegalStateException(Messages.templateFailed(name, folder, e), e);
    }

    @Override
    public String toString() {
        return "PebbleTemplates(" + folder + (debug ? ", reloading" : ", cached") + ")";
    }
}
