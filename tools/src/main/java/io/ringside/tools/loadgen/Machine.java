package io.ringside.tools.loadgen;

import java.util.Locale;

/**
 * Describes the machine generating the load, for reports: cores, JVM, OS and heap.
 */
final class Machine {
    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "cores: %d%nJVM: %s %s (%s)%nOS: %s %s %s%nmax heap: %d MiB",
                rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), rt.maxMemory() >> 20);
    }
}
