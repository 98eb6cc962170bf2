package io.ringside.engine.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every {@link ConformanceIT} case over TLS: the same frames, split the same ways (one byte per
 * write becomes one TLS record per byte), against a server whose one port speaks TLS.
 */
class TlsConformanceIT extends ConformanceIT {
    private static final int MAX_MESSAGE = 64 * 1024;
    private static Path dir;
    private static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("tls-conformance");
        TestCertificates certificates = TestCertificates.create(dir, "conformance");
        trusting = certificates.clientContext();
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).readBufferBytes(4096)
                .decoder(d -> d.maxFramePayloadBytes(MAX_MESSAGE).maxMessageBytes(MAX_MESSAGE))
                .tls(t -> t.keyStore(certificates.keyStore(), TestCertificates.PASSWORD))
                .endpoint("/", new EchoHandler()).build().start();
    }

    /** After {@link ConformanceIT#stop()} closed the server. */
    @AfterAll
    static void removeCertificates() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Override
    RawClient client() throws Exception {
        return RawClient.upgradeTls(server.port(), "/", trusting);
    }
}
