package io.ringside.stategen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorRequest;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorResponse;
import io.ringside.protocol.envelope.EntityOptions;
import io.ringside.protocol.envelope.FieldOptions;
import io.ringside.protocol.envelope.StateProto;
import org.junit.jupiter.api.Test;

class StateGeneratorTest {

    @Test
    void shouldGenerateOneEntityClassPerEntityMessage() {
        // given
        DescriptorProto ship = entity("Ship", 1, field("x", 1, Type.TYPE_FLOAT,
                FieldOptions.newBuilder().setScale(0.01).setPredict(FieldOptions.Predict.LINEAR).build()));
        DescriptorProto plain = DescriptorProto.newBuilder().setName("Input").build();

        // when
        CodeGeneratorResponse response = StateGenerator.generate(request(ship, plain));

        // then
        assertThat(response.getError()).isEmpty();
        assertThat(response.getFileList()).singleElement().satisfies(file -> {
            assertThat(file.getName()).isEqualTo("game/wire/ShipEntity.java");
            assertThat(file.getContent()).contains("public ShipEntity setX(float value)", "TYPE_ID = 1");
        });
    }

    @Test
    void shouldNameEveryFieldsBitInAFieldMaskByFieldIndex() {
        // given fields declared out of field-number order
        DescriptorProto ship = entity("Ship", 1, field("move_y", 7, Type.TYPE_UINT32, null),
                field("x", 2, Type.TYPE_FLOAT, null), field("hull", 40, Type.TYPE_STRING, null));

        // when
        CodeGeneratorResponse response = StateGenerator.generate(request(ship));

        // then bit i is the i-th field by number
        assertThat(response.getError()).isEmpty();
        assertThat(response.getFile(0).getContent()).contains("public static final int X_FIELD = 0x1;",
                "public static final int MOVE_Y_FIELD = 0x2;", "public static final int HULL_FIELD = 0x4;");
    }

    @Test
    void shouldFailNamingTheFieldWhenAFieldIsAMessage() {
        // given
        DescriptorProto ship = entity("Ship", 1, field("hull", 1, Type.TYPE_MESSAGE, null).toBuilder()
                .setTypeName(".game.Hull").build());

        // when
        CodeGeneratorResponse response = StateGenerator.generate(request(ship));

        // then
        assertThat(response.getError()).contains("game.Ship.hull", "message");
    }

    @Test
    void shouldFailNamingTheFieldWhenAFieldIsRepeated() {
        // given
        DescriptorProto ship = entity("Ship", 1, field("crew", 1, Type.TYPE_UINT32, null).toBuilder()
                .setLabel(Label.LABEL_REPEATED).build());

        // when / then
        assertThat(StateGenerator.generate(request(ship)).getError()).contains("game.Ship.crew", "repeated");
    }

    @Test
    void shouldFailWhenScaleIsOnAnIntegerOrLinearOnAString() {
        // given
        DescriptorProto scaled = entity("Ship", 1, field("hp", 1, Type.TYPE_UINT32,
                FieldOptions.newBuilder().setScale(0.5).build()));
        DescriptorProto predicted = entity("Boat", 2, field("name", 1, Type.TYPE_STRING,
                FieldOptions.newBuilder().setPredict(FieldOptions.Predict.LINEAR).build()));

        // when / then
        assertThat(StateGenerator.generate(request(scaled)).getError()).contains("game.Ship.hp", "scale");
        assertThat(StateGenerator.generate(request(predicted)).getError()).contains("game.Boat.name", "LINEAR");
    }

    @Test
    void shouldFailWhenTwoEntityTypesShareATypeIdOrOneHasNone() {
        // given
        DescriptorProto a = entity("A", 3, field("v", 1, Type.TYPE_INT32, null));
        DescriptorProto b = entity("B", 3, field("v", 1, Type.TYPE_INT32, null));
        DescriptorProto none = entity("C", 0, field("v", 1, Type.TYPE_INT32, null));

        // when / then
        assertThat(StateGenerator.generate(request(a, b)).getError()).contains("game.B", "game.A", "type_id 3");
        assertThat(StateGenerator.generate(request(none)).getError()).contains("game.C", "type_id=0");
    }

    @Test
    void shouldFailWhenAnEntityHasMoreThan32Fields() {
        // given
        DescriptorProto.Builder big = entity("Big", 1).toBuilder();
        for (int i = 1; i <= 33; i++) {
            big.addField(field("f" + i, i, Type.TYPE_INT32, null));
        }

        // when / then
        assertThat(StateGenerator.generate(request(big.build())).getError()).contains("game.Big", "33 fields");
    }

    @Test
    void shouldSpellAccessorsAsProtobufJavaDoes() {
        assertThat(EntityModel.camel("move_x")).isEqualTo("MoveX");
        assertThat(EntityModel.camel("x2y")).isEqualTo("X2Y");
        assertThat(EntityModel.camel("health")).isEqualTo("Health");
    }

    private static DescriptorProto entity(String name, int typeId, FieldDescriptorProto... fields) {
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name)
                .setOptions(MessageOptions.newBuilder()
                        .setExtension(StateProto.entity, EntityOptions.newBuilder().setTypeId(typeId).build()));
        for (FieldDescriptorProto field : fields) {
            message.addField(field);
        }
        return message.build();
    }

    private static FieldDescriptorProto field(String name, int number, Type type, FieldOptions options) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setType(type).setLabel(Label.LABEL_OPTIONAL);
        if (options != null) {
            field.setOptions(com.google.protobuf.DescriptorProtos.FieldOptions.newBuilder()
                    .setExtension(StateProto.field, options));
        }
        return field.build();
    }

    private static CodeGeneratorRequest request(DescriptorProto... messages) {
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName("game.proto").setPackage("game")
                .setSyntax("proto3");
        file.getOptionsBuilder().setJavaPackage("game.wire").setJavaMultipleFiles(true);
        for (DescriptorProto message : messages) {
            file.addMessageType(message);
        }
        return CodeGeneratorRequest.newBuilder().addFileToGenerate("game.proto").addProtoFile(file).build();
    }
}
