package io.skitai.was;

/**
 * The work of a transaction: returning commits it, throwing rolls it back.
 *
 * @param <T> what the transaction gives back
 */
@FunctionalInterface
public interface TxBody<T> {

    /** Does the work with {@code tx}. */
    T run(Tx tx) throws Exception;
}
