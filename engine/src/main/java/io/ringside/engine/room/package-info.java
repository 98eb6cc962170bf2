/**
 * Rooms, the API game developers write against: extend {@link io.ringside.engine.room.Room}, declare
 * message types with {@link io.ringside.engine.room.MessageRouter}, register the type with its
 * {@link io.ringside.engine.room.RoomOptions} on the server builder.
 *
 * <p>Behind it: shards (one tick thread each, draining its inbound ring at the start of every tick,
 * dispatching to rooms in publish order, then stepping every room), the matchmaking directory
 * (join-or-create, join by id, private rooms, listings, seats reserved across threads, reconnect
 * tokens of seats held after a drop), and the game
 * endpoint that routes client envelopes from the I/O threads. A room lives on one shard, so its code
 * runs on one thread and needs no locks; an exception in it disposes that room only.
 */
package io.ringside.engine.room;
