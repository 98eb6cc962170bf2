package io.ringside.stategen;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorRequest;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorResponse;
import io.ringside.protocol.envelope.StateProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A protoc plugin: for every message of the compiled files marked
 * {@code option (ringside.v1.entity) = { type_id: N }}, writes {@code <Message>Entity.java}, the
 * change-tracked server-side state class of that entity type. An entity type the wire format
 * cannot carry (a nested message field, a repeated field...) fails the compilation with a message
 * naming the field.
 *
 * <p>Run by the protobuf Maven plugin as a JVM plugin ({@code jvmMavenPlugins}), next to protoc's
 * own Java output.
 */
public final class StateGenerator {
    private StateGenerator() {
    }

    /** Reads a {@code CodeGeneratorRequest} from stdin and writes the response to stdout. */
    public static void main(String[] args) throws IOException {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        StateProto.registerAllExtensions(registry);
        CodeGeneratorRequest request;
        try (InputStream in = System.in) {
            request = CodeGeneratorRequest.parseFrom(in, registry);
        }
        CodeGeneratorResponse response = generate(request);
        OutputStream out = System.out;
        response.writeTo(out);
        out.flush();
    }

    /** The generated files for {@code request}, or an error naming what cannot be generated. */
    static CodeGeneratorResponse generate(CodeGeneratorRequest request) {
        try {
            Map<String, FileDescriptorProto> files = new HashMap<>();
            for (FileDescriptorProto file : request.getProtoFileList()) {
                files.put(file.getName(), file);
            }
            List<EntityType> types = new ArrayList<>();
            for (String name : request.getFileToGenerateList()) {
                types.addAll(EntityModel.entities(files.get(name)));
            }
            checkTypeIds(types);
            CodeGeneratorResponse.Builder response = CodeGeneratorResponse.newBuilder();
            for (EntityType type : types) {
                String dir = type.javaPackage().isEmpty() ? "" : type.javaPackage().replace('.', '/') + "/";
                response.addFileBuilder()
                        .setName(dir + type.entityClass() + ".java")
                        .setContent(EntityWriter.write(type));
            }
            return response.build();
        } catch (StateGeneratorException e) {
            return CodeGeneratorResponse.newBuilder().setError("ringside state: " + e.getMessage()).build();
        }
    }

    private static void checkTypeIds(List<EntityType> types) {
        Map<Integer, String> seen = new HashMap<>();
        for (EntityType type : types) {
            String other = seen.putIfAbsent(type.typeId(), type.fullName());
            if (other != null) {
                throw new StateGeneratorException(type.fullName() + " and " + other + " share type_id "
                        + type.typeId());
            }
        }
    }
}
