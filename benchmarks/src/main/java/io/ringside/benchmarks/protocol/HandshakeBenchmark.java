package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.JavaWebSocketHandshakeDriver;
import io.ringside.benchmarks.peers.NettyHandshakeDriver;
import io.ringside.engine.transport.HandshakerDriver;
import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.http.UpgradeRequestParser;
import io.ringside.protocol.http.UpgradeResponseWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One server-side opening handshake (RFC 6455 §4.2): request head bytes in, 101 response bytes out.
 * Ours next to Netty's and Java-WebSocket's handshakers and a floor that only computes the accept
 * key. Each state's setup checks that its implementation answers 101 with the right
 * {@code Sec-WebSocket-Accept} and throws otherwise. No implementation selects a subprotocol or an
 * extension (the server offers none).
 *
 * <p>{@code engine} is the whole path of our server ({@link HandshakerDriver}): a new connection,
 * the engine's {@code Handshaker} (parse, validate, route, Origin policy, 101, connection set up for
 * frames), the 101 flushed through the loop's staging buffer, the connection destroyed. Its bytes
 * per operation are the connection object and its outbound queue, which accepting a socket makes;
 * the handshake path itself allocates nothing. {@link HandshakeCpu} measures the same states by
 * thread CPU time, for a shared machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandshakeBenchmark {

    /** Ours: reset + parse, validate, write the 101 into a reused buffer. */
    @Benchmark
    public int ringside(RingsideState s) {
        return s.handshake();
    }

    /** Breakdown of ours, for diagnosis: reset + parse only. */
    @Benchmark
    public int ringsideParseOnly(RingsideState s) {
        return s.parse().hashCode();
    }

    /** Breakdown of ours, for diagnosis: reset + parse + validate, no response. */
    @Benchmark
    public int ringsideParseValidate(RingsideState s) {
        UpgradeRequest req = s.parse();
        req.validateWebSocketUpgrade();
        return req.hashCode();
    }

    /** Netty 4.2: HttpRequestDecoder, WebSocketServerHandshaker13, HttpResponseEncoder. */
    @Benchmark
    public int netty(NettyState s) {
        return s.driver.handshake();
    }

    /** Java-WebSocket 1.6: Draft_6455 translate, accept, post-process, create. */
    @Benchmark
    public int javaWebSocket(JavaWebSocketState s) throws Exception {
        return s.driver.handshake();
    }

    /** The engine's whole handshake path, see {@link HandshakerDriver}. */
    @Benchmark
    public int engine(EngineState s) {
        return s.driver.handshake();
    }

    /** Floor: SHA-1 (reused digest) of key + GUID, Base64 into a reused array; nothing else. */
    @Benchmark
    public int floorAcceptKey(FloorState s) throws DigestException {
        return s.accept();
    }

    /** The request for one parameter value; subclasses build one implementation on it. */
    @State(Scope.Thread)
    public abstract static class RequestState {
        /** {@code rfc} (RFC 6455 §1.3 example) or {@code browser} (Chrome, 13 header fields). */
        @Param({"rfc", "browser"})
        public String request;

        String text;
        byte[] bytes;

        /** Builds the request, then the implementation, and checks its answer. */
        @Setup(Level.Trial)
        public final void setUp() throws Exception {
            text = HandshakeRequests.byName(request);
            bytes = text.getBytes(StandardCharsets.US_ASCII);
            prepare();
        }

        abstract void prepare() throws Exception;
    }

    /** Our parser and writer with default limits; one parser reused as a connection would after reset. */
    @State(Scope.Thread)
    public static class RingsideState extends RequestState {
        UpgradeRequestParser parser;
        ByteBuffer src;
        ByteBuffer dst;

        @Override
        void prepare() throws Exception {
            parser = new UpgradeRequestParser(HandshakeLimits.defaults());
            src = ByteBuffer.wrap(bytes);
            dst = ByteBuffer.allocate(1024);
            parser.reset();
            int written = handshake();
            HandshakeRequests.requireAccepted(Arrays.copyOf(dst.array(), written), text, "Ringside");
        }

        UpgradeRequest parse() {
            parser.reset();
            src.clear();
            if (!parser.parse(src)) {
                throw new IllegalStateException("incomplete head");
            }
            return parser.request();
        }

        int handshake() {
            UpgradeRequest req = parse();
            req.validateWebSocketUpgrade();
            dst.clear();
            UpgradeResponseWriter.writeSwitchingProtocols(dst, req, null);
            return dst.position();
        }
    }

    /**
     * The engine with one echo endpoint where the request goes: {@code /chat} allowing the RFC
     * example's cross-host Origin, {@code /arena} with the default same-host Origin policy.
     */
    @State(Scope.Thread)
    public static class EngineState extends RequestState {
        HandshakerDriver driver;

        @Override
        void prepare() throws Exception {
            boolean rfc = "rfc".equals(request);
            driver = new HandshakerDriver(bytes, rfc ? "/chat" : "/arena", rfc ? "http://example.com" : null);
            driver.handshake();
            HandshakeRequests.requireAccepted(driver.firstWrite(), text, "Ringside engine");
        }
    }

    /** Netty's pipeline pieces, see {@link NettyHandshakeDriver}. */
    @State(Scope.Thread)
    public static class NettyState extends RequestState {
        NettyHandshakeDriver driver;

        @Override
        void prepare() throws Exception {
            driver = new NettyHandshakeDriver(bytes);
            HandshakeRequests.requireAccepted(driver.handshakeAndCapture(), text, "Netty");
        }
    }

    /** Java-WebSocket's draft, see {@link JavaWebSocketHandshakeDriver}. */
    @State(Scope.Thread)
    public static class JavaWebSocketState extends RequestState {
        JavaWebSocketHandshakeDriver driver;

        @Override
        void prepare() throws Exception {
            driver = new JavaWebSocketHandshakeDriver(bytes);
            HandshakeRequests.requireAccepted(driver.handshakeAndCapture(), text, "Java-WebSocket");
        }
    }

    /** The accept key alone: key bytes located in advance, digest and output arrays reused. */
    @State(Scope.Thread)
    public static class FloorState extends RequestState {
        private static final byte[] GUID = HandshakeRequests.GUID.getBytes(StandardCharsets.US_ASCII);
        private static final int KEY_CHARS = 24;
        private static final int SHA1_BYTES = 20;

        MessageDigest sha1;
        final byte[] digest = new byte[SHA1_BYTES];
        final byte[] acceptKey = new byte[28];
        final Base64.Encoder base64 = Base64.getEncoder();
        int keyOffset;

        @Override
        void prepare() throws Exception {
            sha1 = MessageDigest.getInstance("SHA-1");
            keyOffset = HandshakeRequests.keyOffset(text);
            accept();
            String got = new String(acceptKey, StandardCharsets.US_ASCII);
            if (!got.equals(HandshakeRequests.expectedAccept(text))) {
                throw new IllegalStateException("floor computed " + got);
            }
        }

        int accept() throws DigestException {
            sha1.update(bytes, keyOffset, KEY_CHARS);
            sha1.update(GUID);
            sha1.digest(digest, 0, SHA1_BYTES);
            return base64.encode(digest, acceptKey);
        }
    }
}
