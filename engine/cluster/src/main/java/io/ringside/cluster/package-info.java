/**
 * Opt-in cluster mode on Redis: each node and each of its rooms is registered with a TTL renewed by
 * a heartbeat, room listings span every node, and seats are reserved atomically by a Lua script.
 */
package io.ringside.cluster;
