package io.ringside.engine.tick;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event for a tick that took longer than its interval. Enabled by default, so a plain
 * {@code jcmd <pid> JFR.start} records it; the event's thread is the tick loop's
 * ({@code ringside-shard-N}). Committed on the tick thread, only for a tick over budget.
 */
@Name(TickOverrunEvent.NAME)
@Label("Tick Over Budget")
@Category({"Ringside", "Tick"})
@Description("A tick of a Ringside tick loop took longer than the tick interval")
@StackTrace(false)
final class TickOverrunEvent extends Event {
    /** The event type's name in recordings. */
    static final String NAME = "io.ringside.TickOverrun";

    @Label("Tick")
    @Description("The number of the tick on its loop")
    long tick;

    @Label("Tick Duration")
    @Timespan(Timespan.NANOSECONDS)
    long durationNs;

    @Label("Tick Interval")
    @Description("The budget: the fixed step between ticks")
    @Timespan(Timespan.NANOSECONDS)
    long intervalNs;

    static void commit(long tick, long durationNs, long intervalNs) {
        TickOverrunEvent event = new TickOverrunEvent();
        if (event.shouldCommit()) {
            event.tick = tick;
            event.durationNs = durationNs;
            event.intervalNs = intervalNs;
            event.commit();
        }
    }
}
