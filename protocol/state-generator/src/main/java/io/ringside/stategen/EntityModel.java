package io.ringside.stategen;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import io.ringside.protocol.envelope.EntityOptions;
import io.ringside.protocol.envelope.FieldOptions;
import io.ringside.protocol.envelope.StateProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the entity types of one {@code .proto} file and checks them against the rules of
 * {@code ringside/v1/state.proto}; a broken rule is a {@link StateGeneratorException} naming the
 * message or field.
 */
final class EntityModel {
    static final int MAX_FIELDS = 32;
    static final int MAX_TYPE_ID = 65_535;

    private EntityModel() {
    }

    /** The entity types declared in {@code file} (messages with the entity option), in declaration order. */
    static List<EntityType> entities(FileDescriptorProto file) {
        List<EntityType> types = new ArrayList<>();
        for (DescriptorProto message : file.getMessageTypeList()) {
            checkNested(file, message, message.getName());
            if (message.getOptions().hasExtension(StateProto.entity)) {
                types.add(entity(file, message));
            }
        }
        return types;
    }

    private static void checkNested(FileDescriptorProto file, DescriptorProto outer, String path) {
        for (DescriptorProto nested : outer.getNestedTypeList()) {
            String nestedPath = path + "." + nested.getName();
            if (nested.getOptions().hasExtension(StateProto.entity)) {
                throw new StateGeneratorException(fullName(file, nestedPath)
                        + ": an entity type must be a top-level message");
            }
            checkNested(file, nested, nestedPath);
        }
    }

    private static EntityType entity(FileDescriptorProto file, DescriptorProto message) {
        String fullName = fullName(file, message.getName());
        EntityOptions options = message.getOptions().getExtension(StateProto.entity);
        if (options.getTypeId() < 1 || options.getTypeId() > MAX_TYPE_ID) {
            throw new StateGeneratorException(fullName + ": (ringside.v1.entity).type_id="
                    + options.getTypeId() + ", must be 1 to " + MAX_TYPE_ID);
        }
        if (message.getFieldCount() > MAX_FIELDS) {
            throw new StateGeneratorException(fullName + " has " + message.getFieldCount()
                    + " fields; an entity type has at most " + MAX_FIELDS);
        }
        List<FieldDescriptorProto> sorted = new ArrayList<>(message.getFieldList());
        sorted.sort(Comparator.comparingInt(FieldDescriptorProto::getNumber));
        List<EntityField> fields = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            fields.add(field(fullName, i, sorted.get(i)));
        }
        String javaPackage = javaPackage(file);
        return new EntityType(message.getName(), fullName, options.getTypeId(), options.getOwnerOnly(), javaPackage,
                messageClass(file, message.getName()), message.getName() + "Entity", fields);
    }

    private static EntityField field(String entity, int index, FieldDescriptorProto field) {
        String name = entity + "." + field.getName();
        if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            throw new StateGeneratorException("field " + name + " is repeated (or a map); entity fields must be"
                    + " singular scalars");
        }
        if (field.hasOneofIndex()) {
            throw new StateGeneratorException("field " + name + " is in a oneof (or proto3 optional); entity fields"
                    + " must be plain singular scalars");
        }
        FieldOptions options = field.getOptions().getExtension(StateProto.field);
        double scale = options.getScale();
        boolean floating = field.getType() == FieldDescriptorProto.Type.TYPE_FLOAT
                || field.getType() == FieldDescriptorProto.Type.TYPE_DOUBLE;
        if (scale != 0 && !(scale > 0 && Double.isFinite(scale))) {
            throw new StateGeneratorException("field " + name + ": scale=" + scale + ", must be a finite number > 0");
        }
        if (scale != 0 && !floating) {
            throw new StateGeneratorException("field " + name + ": scale is for float and double fields only");
        }
        FieldKind kind = kind(name, field, scale != 0);
        boolean linear = options.getPredict() == FieldOptions.Predict.LINEAR;
        if (linear && !kind.integer || linear && kind == FieldKind.ENUM) {
            throw new StateGeneratorException("field " + name + ": predict LINEAR needs an integer field or a float"
                    + " or double with a scale");
        }
        return new EntityField(index, field.getName(), camel(field.getName()), kind, scale, linear,
                options.getOwnerOnly(), options.getTeamOnly());
    }

    private static FieldKind kind(String name, FieldDescriptorProto field, boolean quantized) {
        switch (field.getType()) {
            case TYPE_INT32:
            case TYPE_SINT32:
            case TYPE_SFIXED32:
                return FieldKind.INT32;
            case TYPE_UINT32:
            case TYPE_FIXED32:
                return FieldKind.UINT32;
            case TYPE_ENUM:
                return FieldKind.ENUM;
            case TYPE_INT64:
            case TYPE_SINT64:
            case TYPE_SFIXED64:
                return FieldKind.INT64;
            case TYPE_UINT64:
            case TYPE_FIXED64:
                return FieldKind.UINT64;
            case TYPE_FLOAT:
                return quantized ? FieldKind.QUANT_FLOAT : FieldKind.FLOAT;
            case TYPE_DOUBLE:
                return quantized ? FieldKind.QUANT_DOUBLE : FieldKind.DOUBLE;
            case TYPE_BOOL:
                return FieldKind.BOOL;
            case TYPE_STRING:
                return FieldKind.STRING;
            case TYPE_BYTES:
                return FieldKind.BYTES;
            default:
                throw new StateGeneratorException("field " + name + " has type "
                        + field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT)
                        + "; entity fields must be scalars, strings, bytes or enums (no messages)");
        }
    }

    private static String fullName(FileDescriptorProto file, String path) {
        return file.getPackage().isEmpty() ? path : file.getPackage() + "." + path;
    }

    private static String javaPackage(FileDescriptorProto file) {
        return file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
    }

    private static String messageClass(FileDescriptorProto file, String message) {
        String pkg = javaPackage(file);
        String prefix = pkg.isEmpty() ? "" : pkg + ".";
        if (file.getOptions().getJavaMultipleFiles()) {
            return prefix + message;
        }
        String outer = file.getOptions().hasJavaOuterClassname() ? file.getOptions().getJavaOuterClassname()
                : outerFromFileName(file);
        return prefix + outer + "." + message;
    }

    private static String outerFromFileName(FileDescriptorProto file) {
        String base = file.getName().substring(file.getName().lastIndexOf('/') + 1);
        if (base.endsWith(".proto")) {
            base = base.substring(0, base.length() - ".proto".length());
        }
        String outer = camel(base);
        for (DescriptorProto message : file.getMessageTypeList()) {
            if (message.getName().equals(outer)) {
                return outer + "OuterClass";
            }
        }
        return outer;
    }

    /** protobuf-java's accessor spelling: {@code move_x} to {@code MoveX}, {@code x2y} to {@code X2Y}. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                upper = true;
            } else if (Character.isDigit(c)) {
                out.append(c);
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
