package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Decodes a stream of frames into whole messages and control frames (RFC 6455 §5.4-§5.6): checks
 * fragmentation, control frames, UTF-8 of text and close reasons, and the size limits.
 *
 * <p>One per connection, used by one thread. A message whose single frame is wholly inside the
 * decoded buffer (the common small message) is decoded by a tight loop straight from a heap buffer's
 * array, and unmasked in place and handed over as a view of that buffer (no copy); otherwise
 * its payload is unmasked while accumulated in a buffer the decoder holds only while the message is
 * partial. A handler that implements {@link MaskedMessageHandler} gets such a single-frame binary
 * message as a view that is still masked, with its key, so that it unmasks while copying (one pass).
 *
 * <p>Violations, with their close codes: a continuation without a started message, or a new text
 * or binary frame inside a fragmented one (1002); a message over {@code maxMessageBytes}, detected
 * from the frame lengths before its bytes are buffered (1009); text that is not UTF-8, detected at
 * the first bad byte even mid-fragment, or that ends inside a sequence (1007); a close body of one
 * byte or with a code not valid on the wire (1002), or with a reason that is not UTF-8 (1007); and
 * every frame-level violation of {@link FrameDecoder}. Partial messages keep at most
 * {@code maxMessageBytes} bytes, grown with the bytes actually received; after a message an array
 * of at most 1 KiB is kept for reuse.
 */
public final class MessageDecoder {
    private final FrameDecoder frames;
    private final MessageAssembler assembler;
    private final SingleFrameMessages singleFrames;
    private WebSocketProtocolException failure;

    /** A decoder that reports to {@code handler} within {@code config}'s role and limits. */
    public MessageDecoder(DecoderConfig config, MessageHandler handler) {
        this.frames = new FrameDecoder(config);
        this.assembler = new MessageAssembler(config, handler, frames, null, null);
        this.singleFrames = new SingleFrameMessages(config, handler);
    }

    /**
     * A decoder like {@link #MessageDecoder(DecoderConfig, MessageHandler)} that assembles messages
     * split across reads, or fragmented, in arrays borrowed from {@code arrays} (the thread's pool)
     * and gives each back once its message is delivered, so that they cost no allocation once warm.
     */
    public MessageDecoder(DecoderConfig config, MessageHandler handler, InflaterPool arrays) {
        this.frames = new FrameDecoder(config);
        this.assembler = new MessageAssembler(config, handler, frames, null, arrays);
        this.singleFrames = new SingleFrameMessages(config, handler);
    }

    /**
     * A decoder for a connection that negotiated permessage-deflate (RFC 7692): a data message whose
     * first frame has RSV1 set is inflated (with an inflater from {@code inflaters}) before it is
     * checked and delivered, always as a copy; uncompressed messages are assembled in arrays borrowed
     * from {@code inflaters} as with {@link #MessageDecoder(DecoderConfig, MessageHandler, InflaterPool)}.
     * {@code maxMessageBytes} bounds the inflated size (1009, with no allocation past it); the
     * compressed bytes on the wire may exceed it by 1/16 plus 64 bytes (deflate's worst-case growth).
     * Corrupt deflate data fails with 1007; RSV1 on a control frame or a continuation with 1002 (§6.1).
     *
     * @param peerContextTakeover whether the peer keeps its compression context across messages
     *                            (then this decoder keeps an inflater for life; otherwise it borrows
     *                            one per message)
     */
    public MessageDecoder(DecoderConfig config, MessageHandler handler, InflaterPool inflaters,
                          boolean peerContextTakeover) {
        this.frames = new FrameDecoder(config, MessageAssembler.RSV1);
        this.assembler = new MessageAssembler(config, handler, frames,
                new MessageInflater(inflaters, peerContextTakeover), inflaters);
        this.singleFrames = new SingleFrameMessages(config, handler);
    }

    /**
     * Decodes every byte of {@code src} (position to limit; it may unmask bytes in place, so it must
     * be writable when frames are masked). Partial frames and messages are kept internally. After a
     * close frame, remaining and later bytes are ignored.
     *
     * @throws WebSocketProtocolException on a violation (its close code says which); the decoder is then terminal
     */
    public void decode(ByteBuffer src) {
        if (failure != null) {
            throw failure;
        }
        try {
            if (src.hasArray()) {
                decodeHeap(src);
            } else {
                frames.decode(src, assembler);
            }
        } catch (WebSocketProtocolException e) {
            throw protocolViolation(e);
        }
        if (assembler.isCloseReceived()) {
            assembler.release();
        }
    }

    /**
     * Whole single-frame messages go through {@link SingleFrameMessages} while the frame and message
     * layers are between frames and messages; anything else, one frame at a time, through them.
     */
    private void decodeHeap(ByteBuffer src) {
        int pos = src.position();
        int limit = src.limit();
        while (pos < limit) {
            if (frames.atFrameBoundary() && assembler.isIdle()) {
                pos = singleFrames.decode(src, pos, limit);
                if (pos == limit) {
                    break;
                }
            }
            pos = frames.decodeFrame(src, pos, limit, assembler);
        }
        src.position(limit);
    }

    /**
     * Drops every buffer this decoder holds and gives back a borrowed inflater: the connection is
     * gone. The decoder must not be used afterwards.
     */
    public void release() {
        assembler.release();
    }

    /**
     * Whether this decoder holds nothing of the stream it decodes: no partial frame or fragmented
     * message, no close frame received and no violation. An idle decoder can take another
     * connection's stream from its first byte (with a handler that knows which connection it
     * serves), so a server can pool decoders between messages instead of keeping one per connection.
     */
    public boolean isIdle() {
        return failure == null && frames.atFrameBoundary() && assembler.isIdle() && !assembler.isCloseReceived();
    }

    /**
     * Control frames and continuation frames decoded so far, each counted once its header is read:
     * every frame but the first of each data message. Frames received are this plus the data
     * messages begun; a server adds the difference across a {@link #decode} call to its own count.
     * (Whole single-frame messages, the common case, are left out so that their path counts nothing.)
     */
    public long controlAndContinuationFrames() {
        return assembler.controlAndContinuationFrames;
    }

    /** Whether a close frame has been received. */
    public boolean isCloseReceived() {
        return assembler.isCloseReceived();
    }

    /** Bytes held for a partial message or frame: what this connection costs beyond its fixed state. */
    public int bufferedBytes() {
        return assembler.bufferedBytes();
    }

    /**
     * Bytes of the arrays this decoder holds for partial messages and control frames (at least
     * {@link #bufferedBytes()}; arrays grow by doubling): what it costs on the heap right now.
     */
    public int retainedBytes() {
        return assembler.retainedBytes();
    }

    private WebSocketProtocolException protocolViolation(WebSocketProtocolException e) {
        failure = e;
        assembler.release();
        return e;
    }
}
