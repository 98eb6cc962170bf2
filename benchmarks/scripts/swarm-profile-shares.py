#!/usr/bin/env python3
"""Shares of the swarm server's CPU by activity, from an async-profiler collapsed CPU profile.

usage: swarm-profile-shares.py SERVER.collapsed

Each sample (a stack of the server's I/O loop, tick or other threads; JIT compiler threads and
start-up left out) is put in the category of the deepest frame that matches one of the rules below:
a read's decode runs after the read(2) returned, so it is not counted as the read; the kernel's
work inside write(2) (including, on loopback, the client's TCP receive) is counted as the write.
"""
import collections
import re
import sys

IO_RULES = [
    ("write(2)", ["IOUtil.write", "SocketChannelImpl.write", "__x64_sys_write", "ksys_write"]),
    ("read(2), with the JDK's copy to the heap buffer", ["IOUtil.read", "SocketChannelImpl.read", "__x64_sys_read", "ksys_read"]),
    ("epoll_wait", ["EPoll.wait", "epoll_wait", "do_epoll_wait"]),
    ("selector wakeup", ["EPollSelectorImpl.wakeup"]),
    ("selector ready-set processing (JDK)", ["EPollSelectorImpl.processEvents", "SelectorImpl.processReadyEvents", "Integer.valueOf"]),
    ("selector other (JDK lock, update queue)", ["SelectorImpl.lockAndDoSelect", "processUpdateQueue", "processDeregisterQueue", "SelectorImpl.select", "selectNow"]),
    ("park/unpark", ["Unsafe.park", "Unsafe.unpark"]),
    ("frame decode, publish to the ring", ["WsConnection.decode", "MessageDecoder", "SingleFrameMessages", "InboundDispatcher", "RingBuffer", "publishEvent", "onBytes", "WsConnection.onReadable"]),
    ("flush (gather copy into staging, queue)", ["OutboundQueue", "WsConnection.flush", "flushDirty"]),
    ("command drain (sends from ticks, new sockets)", ["CommandExecutor", "CommandRing", "drainCommands"]),
    ("timers", ["onTimerTick", "onTimer"]),
]
TICK_RULES = [
    ("park/spin before a tick", ["park", "onSpinWait", "Thread.yield", "Idle", "idle"]),
    ("broadcast, hand-over to the I/O loops", ["broadcast", "submitSend", "Broadcast", "SharedFrame", "wakeup", "FrameEncoder"]),
    ("drain the ring, dispatch, room", ["EventPoller", "dispatch", "onEvent", "SwarmRoom", "Room."]),
]
SKIP = ("C1 Comp", "C2 Comp", "DestroyJavaVM", "Sweeper", "SIGTERM", "swarm-shut", "Service", "Monitor", "Signal", "Common-C")


def classify(frames, rules):
    best, depth = None, -1
    for name, keys in rules:
        for i in range(len(frames) - 1, depth, -1):
            if any(k in frames[i] for k in keys):
                best, depth = name, i
                break
    return best


def main(path):
    shares = collections.Counter()
    write_split = collections.Counter()
    total = 0
    for line in open(path):
        stack, n = line.rstrip().rsplit(" ", 1)
        n = int(n)
        frames = stack.split(";")
        thread = re.sub(r" tid=.*|\]$", "", frames[0]).lstrip("[")
        if thread.startswith(SKIP):
            continue
        total += n
        body = frames[1:]
        if thread.startswith("ringside-io"):
            category = "I/O loop: " + (classify(body, IO_RULES) or "other")
            if category == "I/O loop: write(2)":
                joined = ";".join(body)
                receiving = any(k in joined for k in ("tcp_v4_rcv", "do_softirq", "net_rx_action"))
                write_split["receive side (loopback delivery to the client)" if receiving else "send side"] += n
        elif thread.startswith("ringside-shard"):
            category = "tick: " + (classify(body, TICK_RULES) or "other")
        elif thread.startswith("ringside-acceptor"):
            category = "acceptor"
        else:
            category = "GC, VM and other threads"
        shares[category] += n
    for category, n in shares.most_common():
        print("%6d %5.1f %%  %s" % (n, 100.0 * n / total, category))
    print("%6d samples" % total)
    writes = sum(write_split.values())
    for part, n in write_split.most_common():
        print("write(2): %5.1f %% %s" % (100.0 * n / writes, part))


if __name__ == "__main__":
    main(sys.argv[1])
