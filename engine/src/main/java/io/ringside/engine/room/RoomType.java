package io.ringside.engine.room;

import java.util.function.Supplier;

/** A registered room type: its name, how to make a room, and its options. */
final class RoomType {
    final String name;
    final Supplier<? extends Room> factory;
    final RoomOptions options;
    /** Position in registration order, 0 first: indexes per-type counters. */
    final int index;

    RoomType(String name, Supplier<? extends Room> factory, RoomOptions options, int index) {
        this.name = name;
        this.index = index;
        this.factory = factory;
        this.options = options;
    }
}
