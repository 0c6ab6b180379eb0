package io.skitai.was.internal;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Any Redis reply as plain Java values: a bulk or status string as a {@code String} (a nil as
 * {@code null}), an integer as a {@code Long}, a double, a boolean, and arrays (nested) as lists.
 * Lettuce's own generic outputs either wrap scalars in a list or refuse them.
 */
final class RedisReply extends CommandOutput<String, String, Object> {

    private final List<Object> top = new ArrayList<>(1);
    private final Deque<List<Object>> parents = new ArrayDeque<>();
    private List<Object> current = top;
    private int depth;

    RedisReply() {
        super(StringCodec.UTF8, null);
    }

    @Override
    public void set(ByteBuffer bytes) {
        current.add(bytes == null ? null : codec.decodeValue(bytes));
    }

    @Override
    public void setSingle(ByteBuffer bytes) {
        current.add(bytes == null ? null : StandardCharsets.UTF_8.decode(bytes).toString());
    }

    @Override
    public void setBigNumber(ByteBuffer bytes) {
        setSingle(bytes);
    }

    @Override
    public void set(long integer) {
        current.add(integer);
    }

    @Override
    public void set(double number) {
        current.add(number);
    }

    @Override
    public void set(boolean value) {
        current.add(value);
    }

    @Override
    public void multi(int count) {
        List<Object> array = new ArrayList<>(Math.max(count, 0));
        current.add(array);
        parents.push(current);
        current = array;
        depth++;
    }

    @Override
    public void complete(int depth) {
        // Lettuce reports the depth reached after each element: below ours, an inner array ended.
        if (depth > 0 && depth < this.depth) {
            current = parents.pop();
            this.depth--;
        }
    }

    @Override
    public Object get() {
        return top.isEmpty() ? null : top.get(0);
    }
}
