package io.ringside.benchmarks.deflate;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Message payloads for the deflate benchmarks, from a fixed seed: JSON-like text, or protobuf entity records. */
final class DeflatePayloads {
    private DeflatePayloads() {
    }

    /** {@code size} bytes of {@code kind} ("text" or "protobuf"). */
    static byte[] of(String kind, int size) {
        return "text".equals(kind) ? text(size) : protobuf(size);
    }

    /** Game state as JSON text: entities with ids, positions and names, as a chat or state message. */
    static byte[] text(int size) {
        Random random = new Random(size);
        StringBuilder sb = new StringBuilder(size + 128);
        while (sb.length() < size) {
            int id = random.nextInt(64);
            sb.append("{\"id\":").append(id).append(",\"x\":").append(random.nextInt(160_000) / 100.0)
                    .append(",\"y\":").append(random.nextInt(90_000) / 100.0).append(",\"hp\":")
                    .append(random.nextInt(101)).append(",\"name\":\"player").append(id).append("\"}");
        }
        return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    /** A snapshot as protobuf: repeated entity records (id, x, y as floats, hp, angle). */
    static byte[] protobuf(int size) {
        Random random = new Random(size);
        byte[] out = new byte[size + 64];
        CodedOutputStream stream = CodedOutputStream.newInstance(out);
        try {
            while (stream.getTotalBytesWritten() < size) {
                CodedOutputStream entity = stream;
                int body = 2 + 1 + 5 + 5 + 2 + 5;
                entity.writeTag(1, 2);
                entity.writeUInt32NoTag(body);
                entity.writeUInt32(1, random.nextInt(64));
                entity.writeFloat(2, random.nextInt(160_000) / 100f);
                entity.writeFloat(3, random.nextInt(90_000) / 100f);
                entity.writeUInt32(4, random.nextInt(101));
                entity.writeFloat(5, random.nextFloat() * 6.28f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out, size);
    }
}
