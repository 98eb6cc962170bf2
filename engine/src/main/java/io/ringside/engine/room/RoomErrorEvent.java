package io.ringside.engine.room;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event for a room whose code threw: the room was disposed (or its {@code onDispose} failed).
 * Enabled by default, so a plain {@code jcmd <pid> JFR.start} records it. Committed on the room's
 * tick thread.
 */
@Name(RoomErrorEvent.NAME)
@Label("Room Error")
@Category({"Ringside", "Room"})
@Description("A room's code threw; the room was disposed and its players closed with 1011")
@StackTrace(false)
final class RoomErrorEvent extends Event {
    /** The event type's name in recordings. */
    static final String NAME = "io.ringside.RoomError";

    @Label("Room Id")
    String roomId;

    @Label("Room Type")
    String roomType;

    @Label("Shard")
    int shard;

    @Label("Error Class")
    String errorClass;

    @Label("Error Message")
    String errorMessage;

    static void commit(RoomCore room, Throwable error) {
        RoomErrorEvent event = new RoomErrorEvent();
        if (event.shouldCommit()) {
            event.roomId = room.id;
            event.roomType = room.type.name;
            event.shard = room.shard.index;
            event.errorClass = error.getClass().getName();
            event.errorMessage = error.getMessage();
            event.commit();
        }
    }
}
