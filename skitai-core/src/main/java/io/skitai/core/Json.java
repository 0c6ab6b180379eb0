package io.skitai.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON helpers: {@link #newMapper()} makes a mapper as Skitai configures them (each server has its
 * own, see {@code ServerBuilder.setJsonMapper}); {@link #mapper()} is one such mapper for code that
 * serves no particular server (the test kit, the mail spool).
 */
public final class Json {

    /**
     * Jackson's default buffer recycler is thread-local: with a virtual thread per request every
     * call would allocate fresh buffers. A shared pool recycles them across threads.
     */
    private static final ObjectMapper MAPPER = newMapper();

    private Json() {}

    /**
     * A new mapper as Skitai configures one (modules found on the class path, ISO-8601 dates,
     * buffers pooled across threads): the default of each server ({@code ServerBuilder.setJsonMapper}).
     */
    public static ObjectMapper newMapper() {
        return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A mapper for code outside any server; do not configure it (a server's is {@code exchange.server().json()}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serializes a value to UTF-8 JSON bytes. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
