package io.ringside.tools.inspect;

/**
 * The input is not a capture the inspector can read (a malformed pcap file, bad hex); says where.
 */
public final class CaptureFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, e.g. {@code "pcap record 3 at byte 120: truncated"}. */
    public CaptureFormatException(String message) {
        super(message);
    }
}
