package io.skitai.atila.internal;

import io.skitai.atila.Streamed;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Streams a route's {@code InputStream} (as {@code application/octet-stream}, closed afterwards),
 * {@code Path} (Content-Type by extension, 404 when missing) or {@link Streamed} body through
 * {@link Exchange#outputStream()}; a Content-Type the route set wins.
 */
final class Streams {

    private static final String OCTETS = "application/octet-stream";

    private Streams() {}

    static void input(Exchange exchange, InputStream in, boolean typed) throws IOException {
        try (in) {
            if (!typed) {
                exchange.contentType(OCTETS);
            }
            try (OutputStream out = exchange.outputStream()) {
                in.transferTo(out);
            }
        }
    }

    static void file(Exchange exchange, Path file, boolean typed) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw HttpError.notFound(Messages.fileNotFound(String.valueOf(file.getFileName())));
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw HttpError.notFound(Messages.fileNotFound(String.valueOf(file.getFileName())));
        }
        if (!typed) {
            exchange.contentType(MediaTypes.of(file));
        }
        input(exchange, in, true);
    }

    static void streamed(Exchange exchange, Streamed body, boolean typed) throws IOException {
        if (!typed) {
            exchange.contentType(body.contentType() == null ? OCTETS : body.contentType());
        }
        try (OutputStream out = exchange.outputStream()) {
            body.write(out);
        }
    }
}
