package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void shouldAcceptEveryEncodingLengthWhenWellFormed() {
        assertThat(valid(WireFrames.utf8("a\u00e9\u20ac\uD83D\uDE00 and a longer ASCII run"))).isTrue();
        assertThat(valid(bytes(0xF4, 0x8F, 0xBF, 0xBF))).isTrue();
        assertThat(valid(bytes(0xEF, 0xBF, 0xBF))).isTrue();
        assertThat(valid(bytes(0xED, 0x9F, 0xBF))).isTrue();
        assertThat(valid(new byte[0])).isTrue();
    }

    @Test
    void shouldRejectOverlongForms() {
        assertThat(valid(bytes(0xC0, 0xAF))).isFalse();
        assertThat(valid(bytes(0xC1, 0xBF))).isFalse();
        assertThat(valid(bytes(0xE0, 0x9F, 0xBF))).isFalse();
        assertThat(valid(bytes(0xF0, 0x8F, 0xBF, 0xBF))).isFalse();
    }

    @Test
    void shouldRejectSurrogatesAndCodePointsAbove10ffff() {
        assertThat(valid(bytes(0xED, 0xA0, 0x80))).isFalse();
        assertThat(valid(bytes(0xED, 0xBF, 0xBF))).isFalse();
        assertThat(valid(bytes(0xF4, 0x90, 0x80, 0x80))).isFalse();
        assertThat(valid(bytes(0xF5, 0x80, 0x80, 0x80))).isFalse();
        assertThat(valid(bytes(0xFF))).isFalse();
    }

    @Test
    void shouldFailFastWhenBadByteComesBeforeEndOfStream() {
        // given
        Utf8Validator validator = new Utf8Validator();

        // when
        boolean first = validator.update(bytes('a', 'b', 0xE2, 0x28), 0, 4);
        boolean later = validator.update(bytes('c'), 0, 1);

        // then
        assertThat(first).isFalse();
        assertThat(later).isFalse();
        assertThat(validator.isValid()).isFalse();
    }

    @Test
    void shouldBeIncompleteWhenStreamEndsInsideSequence() {
        // given
        Utf8Validator validator = new Utf8Validator();

        // when
        boolean prefix = validator.update(bytes('x', 0xF0, 0x9F, 0x98), 0, 4);

        // then
        assertThat(prefix).isTrue();
        assertThat(validator.isComplete()).isFalse();
        assertThat(validator.update(bytes(0x80), 0, 1)).isTrue();
        assertThat(validator.isComplete()).isTrue();
    }

    @Property(tries = 2000)
    void shouldAgreeWithJdkDecoderWhenBytesAreRandom(@ForAll("utf8ish") byte[] data,
                                                     @ForAll @IntRange(min = 0, max = 64) int split) {
        int at = Math.min(split, data.length);
        Utf8Validator validator = new Utf8Validator();
        boolean prefixesValid = validator.update(data, 0, at) & validator.update(data, at, data.length - at);

        boolean expected = jdkAccepts(data);
        assertThat(prefixesValid && validator.isComplete()).isEqualTo(expected);
        assertThat(Utf8Validator.isValid(ByteBuffer.wrap(data), 0, data.length)).isEqualTo(expected);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
        assertThat(Utf8Validator.isValid(direct, 0, data.length)).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void shouldAcceptValidTextWhenSplitAtRandomPoints(@ForAll("codePoints") String text,
                                                      @ForAll @Size(max = 6) int[] cuts) {
        byte[] data = WireFrames.utf8(text);
        assertThat(jdkAccepts(data)).isTrue();
        Utf8Validator validator = new Utf8Validator();
        int at = 0;
        for (int cut : cuts) {
            int n = Math.floorMod(cut, data.length - at + 1);
            assertThat(validator.update(ByteBuffer.wrap(data), at, n)).isTrue();
            at += n;
        }
        assertThat(validator.update(data, at, data.length - at)).isTrue();
        assertThat(validator.isComplete()).isTrue();
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0,
                (byte) 0xBF, (byte) 0xC0, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF,
                (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 'a');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(Tuple.of(3, interesting), Tuple.of(1, any),
                Tuple.of(2, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)))
                .array(byte[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> codePoints() {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7F),
                Arbitraries.integers().between(0x80, 0x7FF), Arbitraries.integers().between(0x800, 0xFFFF),
                Arbitraries.integers().between(0x10000, 0x10FFFF))
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
        return codePoint.list().ofMaxSize(30)
                .map(list -> new String(list.stream().mapToInt(Integer::intValue).toArray(), 0, list.size()));
    }

    private static boolean valid(byte[] data) {
        Utf8Validator validator = new Utf8Validator();
        return validator.update(data, 0, data.length) && validator.isComplete();
    }

    private static boolean jdkAccepts(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
