package io.ringside.engine;

import java.lang.management.ManagementFactory;

/** Some of the server's threads, found by name, and what they have allocated and run: for allocation guards. */
final class ServerThreads {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long[] ids;

    /** The live threads named {@code names} (e.g. {@code ringside-io-0}); fails if one is missing. */
    ServerThreads(String... names) {
        ids = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            ids[i] = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no thread " + name)).getId();
        }
    }

    /** Whether this JVM counts the bytes each thread allocates. */
    static boolean allocationMeasurable() {
        return BEAN.isThreadAllocatedMemorySupported() && BEAN.isThreadAllocatedMemoryEnabled();
    }

    /** Bytes the threads have allocated so far. */
    long allocatedBytes() {
        long total = 0;
        for (long bytes : BEAN.getThreadAllocatedBytes(ids)) {
            total += bytes;
        }
        return total;
    }

    /** CPU time the threads have used so far, in ns. */
    long cpuNs() {
        long total = 0;
        for (long id : ids) {
            total += BEAN.getThreadCpuTime(id);
        }
        return total;
    }
}
