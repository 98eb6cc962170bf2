package io.ringside.engine.room;

import java.util.function.Supplier;

/** A registered room type: its name, how to make a room, and its options. */
final class RoomType {
    final String name;
    final Supplier<? extends Room> factory;
    final RoomOptions options;

    RoomType(String name, Supplier<? extends Room> factory, RoomOptions options) {
        this.name = name;
        this.factory = factory;
        this.options = options;
    }
}
