package io.ringside.stategen;

/** An entity type or field that the state generator cannot generate; the message names it. */
final class StateGeneratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StateGeneratorException(String message) {
        super(message);
    }
}
