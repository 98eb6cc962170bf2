package io.ringside.tools.inspect;

import io.ringside.tools.render.Hex;
import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;

/**
 * Reads bytes back from a hex dump: plain hex ({@code "81 05 48 65"}, any spacing, {@code 0x}
 * prefixes, commas), {@code xxd} output ({@code "00000000: 8105 4865  ..He"}) or {@code hexdump -C}
 * output ({@code "00000000  81 05 48 65  |..He|"}). Offsets and ASCII columns are dropped; lines
 * starting with {@code #} are comments.
 */
final class HexDumpReader {
    private static final Pattern XXD_LINE = Pattern.compile("^\\s*[0-9a-fA-F]{4,16}:\\s.*");
    private static final Pattern HEXDUMP_LINE = Pattern.compile("^[0-9a-fA-F]{7,16}\\s\\s.*\\|.*");
    private static final Pattern HEXDUMP_OFFSET_ONLY = Pattern.compile("^[0-9a-fA-F]{7,16}\\s*$");

    private HexDumpReader() {
    }

    /**
     * The bytes of the dump.
     *
     * @throws CaptureFormatException naming the line that is not hex
     */
    static byte[] read(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = text.split("\r?\n");
        boolean hexdump = false;
        for (String line : lines) {
            hexdump |= HEXDUMP_LINE.matcher(line).matches();
        }
        for (int i = 0; i < lines.length; i++) {
            String hex = hexPart(lines[i], hexdump);
            try {
                out.writeBytes(Hex.parse(hex));
            } catch (IllegalArgumentException e) {
                throw new CaptureFormatException("hex dump line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out.toByteArray();
    }

    /** Whether {@code text} reads as a hex dump (used to tell a dump from a raw capture). */
    static boolean looksLikeHex(String text) {
        try {
            return !text.isBlank() && read(text).length > 0;
        } catch (CaptureFormatException e) {
            return false;
        }
    }

    private static String hexPart(String line, boolean hexdump) {
        String trimmed = line.strip();
        // hexdump -C ends with a line holding only the total length
        if (trimmed.isEmpty() || trimmed.startsWith("#") || hexdump && HEXDUMP_OFFSET_ONLY.matcher(trimmed).matches()) {
            return "";
        }
        if (XXD_LINE.matcher(line).matches()) {
            String rest = line.substring(line.indexOf(':') + 1).stripLeading();
            int ascii = rest.indexOf("  ");
            return ascii < 0 ? rest : rest.substring(0, ascii);
        }
        if (HEXDUMP_LINE.matcher(line).matches()) {
            int offsetEnd = line.indexOf(' ');
            return line.substring(offsetEnd, line.indexOf('|'));
        }
        return line;
    }
}
