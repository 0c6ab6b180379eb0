package io.skitai.atila.internal;

import io.skitai.core.HttpError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Conversions from one request parameter value to a Java type, with the 400 messages they fail with. */
public final class Converters {

    /**
     * Converts a string to one type.
     *
     * @param expected what a valid value is, for messages ("an integer")
     * @param convert  the conversion; any runtime exception it throws means "malformed"
     */
    public record Converter(String expected, Function<String, Object> convert) {

        /** Converts {@code value} for parameter {@code name}, or throws a 400 naming both. */
        public Object apply(String name, String value) {
            try {
                return convert.apply(value);
            } catch (RuntimeException e) {
                throw new HttpError(400, Messages.parameterType(name, expected, clip(value)));
            }
        }
    }

    private static final Map<Class<?>, Converter> BY_TYPE = Map.ofEntries(
            Map.entry(String.class, new Converter("a string", s -> s)),
            Map.entry(int.class, new Converter("an integer", Integer::valueOf)),
            Map.entry(Integer.class, new Converter("an integer", Integer::valueOf)),
            Map.entry(long.class, new Converter("an integer", Long::valueOf)),
            Map.entry(Long.class, new Converter("an integer", Long::valueOf)),
            Map.entry(short.class, new Converter("an integer", Short::valueOf)),
            Map.entry(Short.class, new Converter("an integer", Short::valueOf)),
            Map.entry(byte.class, new Converter("an integer", Byte::valueOf)),
            Map.entry(Byte.class, new Converter("an integer", Byte::valueOf)),
            Map.entry(double.class, new Converter("a number", Converters::toDouble)),
            Map.entry(Double.class, new Converter("a number", Converters::toDouble)),
            Map.entry(float.class, new Converter("a number", Converters::toFloat)),
            Map.entry(Float.class, new Converter("a number", Converters::toFloat)),
            Map.entry(boolean.class, new Converter("true or false", Converters::toBoolean)),
            Map.entry(Boolean.class, new Converter("true or false", Converters::toBoolean)),
            Map.entry(char.class, new Converter("one character", Converters::toChar)),
            Map.entry(Character.class, new Converter("one character", Converters::toChar)),
            Map.entry(BigDecimal.class, new Converter("a number", BigDecimal::new)),
            Map.entry(UUID.class, new Converter("a UUID", UUID::fromString)),
            Map.entry(LocalDate.class, new Converter("a date (yyyy-mm-dd)", LocalDate::parse)),
            Map.entry(Instant.class, new Converter("an ISO-8601 instant (e.g. 2024-05-01T12:00:00Z)", Instant::parse)));

    private Converters() {}

    /** The converter for a type, or {@code null} when one request parameter cannot become one. */
    public static Converter forType(Class<?> type) {
        if (type.isEnum()) {
            return forEnum(type);
        }
        return BY_TYPE.get(type);
    }

    /** The value a missing, optional parameter of this type binds as. */
    public static Object absent(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return BY_TYPE.get(type).convert().apply("0");
    }

    private static Converter forEnum(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        String names = Arrays.toString(Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toArray());
        return new Converter("one of " + names, s -> {
            for (Object c : constants) {
                if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(s);
        });
    }

    private static Object toDouble(String s) {
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    private static Object toFloat(String s) {
        float f = Float.parseFloat(s);
        if (!Float.isFinite(f)) {
            throw new NumberFormatException(s);
        }
        return f;
    }

    private static Object toBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static Object toChar(String s) {
        if (s.length() != 1) {
            throw new IllegalArgumentException(s);
        }
        return s.charAt(0);
    }

    /** A client value shortened for an error message. */
    static String clip(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
