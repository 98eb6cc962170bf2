package io.ringside.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM (what Kubernetes, systemd and {@code docker stop} send) and SIGINT (Ctrl-C) into a
 * graceful stop, e.g. {@code TerminationSignals.handle(server::drainAndClose)}: on the first signal
 * the stop runs to its end on a thread of its own, then the process exits with status 0 (1 if the
 * stop threw), running its shutdown hooks as usual. A second signal while it runs exits at once with
 * 128 + the signal's number.
 *
 * <p>A plain JVM turns SIGTERM into {@code System.exit(143)} and runs shutdown hooks concurrently
 * with everything else; catching the signal instead lets the stop finish first and the exit status
 * say it went well. This uses {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in
 * every OpenJDK build) through reflection. Where it is missing, or the JVM runs with {@code -Xrs},
 * the stop runs from a shutdown hook instead, and the exit status stays the JVM's.
 */
public final class TerminationSignals {
    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);
    private static final String[] SIGNALS = {"TERM", "INT"};
    private static final int SIGNAL_EXIT_BASE = 128;

    private TerminationSignals() {
    }

    /**
     * Runs {@code stop} on the first SIGTERM or SIGINT, then exits the process (see the class
     * comment). Call once, after the server started. Returns whether the signals are caught
     * ({@code false}: a shutdown hook runs {@code stop} instead).
     */
    public static boolean handle(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        boolean caught = false;
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> signal = signalClass.getConstructor(String.class);
            Method install = signalClass.getMethod("handle", signalClass, handlerClass);
            Method number = signalClass.getMethod("getNumber");
            Object handler = Proxy.newProxyInstance(TerminationSignals.class.getClassLoader(),
                    new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if ("handle".equals(method.getName())) {
                            onSignal(stop, stopping, (Integer) number.invoke(args[0]), String.valueOf(args[0]));
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "TerminationSignals handler";
                        };
                    });
            for (String name : SIGNALS) {
                try {
                    install.invoke(null, signal.newInstance(name), handler);
                    caught = true;
                } catch (InvocationTargetException e) {
                    // e.g. SIGINT ignored by a shell that started us in the background
                    LOG.debug("SIG{} cannot be caught: {}", name, e.getCause().getMessage());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("no signal API: {}", e.toString());
        }
        if (!caught) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "ringside-shutdown"));
        }
        return caught;
    }

    private static void onSignal(Runnable stop, AtomicBoolean stopping, int number, String name) {
        if (!stopping.compareAndSet(false, true)) {
            LOG.warn("{} again: exiting now", name);
            System.exit(SIGNAL_EXIT_BASE + number);
            return;
        }
        Thread thread = new Thread(() -> {
            LOG.info("{}: stopping gracefully", name);
            int status = 0;
            try {
                stop.run();
            } catch (RuntimeException | Error e) {
                LOG.error("stopping after {} failed", name, e);
                status = 1;
            }
            System.exit(status);
        }, "ringside-termination");
        thread.start();
    }
}
