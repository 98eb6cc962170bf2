package io.ringside.engine.client;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.ringside.protocol.envelope.StateProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An entity type a {@link StateMirror} can decode: fields in field-index order (by number). */
final class MirrorType {
    final Message prototype;
    final Descriptor descriptor;
    final int typeId;
    final MirrorField[] fields;

    MirrorType(Message prototype) {
        this.prototype = prototype;
        this.descriptor = prototype.getDescriptorForType();
        if (!descriptor.getOptions().hasExtension(StateProto.entity)) {
            throw new IllegalArgumentException(descriptor.getFullName() + " has no (ringside.v1.entity) option");
        }
        this.typeId = descriptor.getOptions().getExtension(StateProto.entity).getTypeId();
        List<FieldDescriptor> sorted = new ArrayList<>(descriptor.getFields());
        sorted.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
        this.fields = new MirrorField[sorted.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new MirrorField(sorted.get(i));
        }
    }
}
