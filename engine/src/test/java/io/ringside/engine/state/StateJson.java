package io.ringside.engine.state;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateMirror;
import java.util.Map;
import java.util.TreeMap;

/** Writes a mirror as the JSON of the state test vectors (README.md next to the vectors). */
final class StateJson {
    private StateJson() {
    }

    static String mirror(StateMirror mirror) {
        Map<Integer, MirrorEntity> sorted = new TreeMap<>();
        for (MirrorEntity entity : mirror.entities()) {
            sorted.put(entity.id(), entity);
        }
        StringBuilder out = new StringBuilder("[");
        for (MirrorEntity entity : sorted.values()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"id\":").append(entity.id()).append(",\"type\":\"").append(entity.typeName())
                    .append("\",\"fields\":{");
            Message message = entity.toMessage();
            boolean first = true;
            for (FieldDescriptor fd : message.getDescriptorForType().getFields()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append('"').append(fd.getName()).append("\":").append(value(fd, message));
            }
            out.append("}}");
        }
        return out.append(']').toString();
    }

    private static String value(FieldDescriptor fd, Message message) {
        Object v = message.getField(fd);
        switch (fd.getType()) {
            case UINT32:
            case FIXED32:
                return Integer.toUnsignedString((Integer) v);
            case INT64:
            case SINT64:
            case SFIXED64:
                return "\"" + v + "\"";
            case UINT64:
            case FIXED64:
                return "\"" + Long.toUnsignedString((Long) v) + "\"";
            case FLOAT:
                return Double.toString((double) (Float) v);
            case DOUBLE:
                return Double.toString((Double) v);
            case ENUM:
                return Integer.toString(((com.google.protobuf.Descriptors.EnumValueDescriptor) v).getNumber());
            case STRING:
                return quote((String) v);
            case BYTES:
                return "\"" + StateScenario.hex(((ByteString) v).toByteArray()) + "\"";
            default:
                return String.valueOf(v);
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
