package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Arbitrary bytes, cut at arbitrary points, through parse, validate, negotiation accessors, accept
 * key and response writer: the only allowed outcomes are a result or a {@link HandshakeException}
 * with 400, 414, 426 or 431, and the outcome must not depend on where the input was cut.
 *
 * <p>The first input byte picks the limits and the largest read; the rest is the request. In
 * {@code ./mvnw verify} this runs the seeds under {@code UpgradeRequestParserFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}.
 */
class UpgradeRequestParserFuzzTest {
    private static final HandshakeLimits SMALL = HandshakeLimits.builder()
            .maxHeadBytes(256).maxHeaderCount(6).maxRequestLineBytes(48).build();

    @FuzzTest(maxDuration = "30s")
    void parseAnything(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int control = input[0] & 0xFF;
        HandshakeLimits limits = (control & 0x80) != 0 ? SMALL : HandshakeLimits.defaults();
        byte[] request = Arrays.copyOfRange(input, 1, input.length);

        String whole = outcome(limits, List.of(ByteBuffer.wrap(request)));
        String split = outcome(limits, splits(request, control));

        assertThat(split).isEqualTo(whole);
    }

    private static List<ByteBuffer> splits(byte[] bytes, int control) {
        SplittableRandom random = new SplittableRandom(control * 31L + bytes.length);
        int maxRead = (control & 0x3F) + 1;
        List<ByteBuffer> reads = new ArrayList<>();
        for (int i = 0; i < bytes.length;) {
            int length = Math.min(bytes.length - i, 1 + random.nextInt(maxRead));
            reads.add(ByteBuffer.wrap(bytes, i, length).slice());
            i += length;
        }
        return reads;
    }

    private static String outcome(HandshakeLimits limits, List<ByteBuffer> reads) {
        UpgradeRequestParser parser = new UpgradeRequestParser(limits);
        try {
            if (Requests.feed(parser, reads) == null) {
                return "incomplete";
            }
            int leftover = 0;
            for (ByteBuffer read : reads) {
                leftover += read.remaining();
            }
            UpgradeRequest request = parser.request();
            String accessors = request.method() + request.path() + request.query() + request.origin()
                    + request.cookie("a") + request.headers("x") + request.headerCount();
            if (!request.isWebSocketUpgrade()) {
                return "plain " + accessors + " leftover " + leftover;
            }
            request.validateWebSocketUpgrade();
            List<String> protocols = request.subprotocols();
            String extensions = request.extensions().toString();
            ByteBuffer response = ByteBuffer.allocate(limits.maxHeadBytes() + 256);
            UpgradeResponseWriter.writeSwitchingProtocols(response, request,
                    protocols.isEmpty() ? null : protocols.get(0));
            return "101 " + accessors + extensions + " leftover " + leftover
                    + new String(response.array(), 0, response.position(), StandardCharsets.ISO_8859_1);
        } catch (HandshakeException e) {
            assertThat(e.status()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.URI_TOO_LONG,
                    HttpStatus.UPGRADE_REQUIRED, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
            assertThat(e.getMessage()).isNotBlank();
            ByteBuffer error = ByteBuffer.allocate(512);
            UpgradeResponseWriter.writeError(error, e.status(), e.getMessage());
            return e.status() + " " + e.getMessage();
        }
    }
}
