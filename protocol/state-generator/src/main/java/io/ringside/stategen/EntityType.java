package io.ringside.stategen;

import java.util.List;

/** One entity type to generate: its names and validated fields in field-index order. */
record EntityType(String protoName, String fullName, int typeId, boolean ownerOnly, String javaPackage,
                  String messageClass, String entityClass, List<EntityField> fields) {
}
