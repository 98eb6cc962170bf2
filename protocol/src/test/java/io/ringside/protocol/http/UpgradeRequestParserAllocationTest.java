package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * A guard, not a benchmark: the full handshake path (parse, validate, accept key, 101 response)
 * repeated on one parser allocates nothing, counted by the JVM's per-thread allocation counter.
 * JMH with {@code -prof gc} in the benchmarks module is the measurement.
 */
class UpgradeRequestParserAllocationTest {
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 10_000;

    @Test
    void shouldAllocateNothingWhenHandshakeRepeatsOnOneParser() {
        // given
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        ByteBuffer rfc = ByteBuffer.wrap(Requests.bytes(Requests.RFC_EXAMPLE));
        ByteBuffer browser = ByteBuffer.allocateDirect(Requests.BROWSER.length())
                .put(Requests.bytes(Requests.BROWSER)).flip();
        ByteBuffer dst = ByteBuffer.allocateDirect(256);
        handshakes(parser, rfc, browser, dst, WARM_UP);
        long threadId = Thread.currentThread().getId();

        // when
        long before = threads.getThreadAllocatedBytes(threadId);
        handshakes(parser, rfc, browser, dst, MEASURED);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        // then: fewer bytes than handshakes, so not one object per handshake
        assertThat(allocated).isLessThan(MEASURED);
    }

    private static void handshakes(UpgradeRequestParser parser, ByteBuffer rfc, ByteBuffer browser, ByteBuffer dst,
            int count) {
        for (int i = 0; i < count; i++) {
            ByteBuffer src = (i & 1) == 0 ? rfc : browser;
            src.position(0);
            parser.reset();
            parser.parse(src);
            UpgradeRequest request = parser.request();
            request.validateWebSocketUpgrade();
            dst.clear();
            UpgradeResponseWriter.writeSwitchingProtocols(dst, request, (i & 1) == 0 ? "chat" : null);
            if (!request.pathEquals((i & 1) == 0 ? "/chat" : "/arena")) {
                throw new AssertionError("wrong path");
            }
        }
    }
}
