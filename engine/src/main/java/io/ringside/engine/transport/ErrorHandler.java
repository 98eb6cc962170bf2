package io.ringside.engine.transport;

/**
 * Receives failures the server recovered from: an exception thrown by application code, or an
 * unexpected I/O error. Called on the I/O loop where it happened; it must not throw or block.
 */
@FunctionalInterface
public interface ErrorHandler {
    /**
     * Reports {@code error}; {@code connection} is the connection that was closed because of it, or
     * {@code null} when none was involved.
     */
    void onError(Connection connection, Throwable error);
}
