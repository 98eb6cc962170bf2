package io.ringside.tools.loadgen;

import com.google.protobuf.AbstractParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.Int32Value;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * A "parser" for the snapshot type that reads nothing: it gives a game message's payload size, all
 * a bot times and counts. Registered for {@code --snapshot-type}, it keeps the client from copying
 * each snapshot's payload for {@code onUnknownMessage} (a copy and a queued event per snapshot). Any
 * thread: it holds no state.
 */
final class PayloadSize extends AbstractParser<Int32Value> {
    static final PayloadSize PARSER = new PayloadSize();

    private PayloadSize() {
    }

    /** The payload's size; the bytes are neither read nor copied. */
    @Override
    public Int32Value parseFrom(ByteString data) {
        return Int32Value.of(data.size());
    }

    /** The size of what is left of {@code input}, skipped field by field (not the client's path). */
    @Override
    public Int32Value parsePartialFrom(CodedInputStream input, ExtensionRegistryLite extensionRegistry)
            throws InvalidProtocolBufferException {
        try {
            int start = input.getTotalBytesRead();
            input.skipMessage();
            return Int32Value.of(input.getTotalBytesRead() - start);
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
    }
}
