package io.ringside.tools.client;

import com.google.protobuf.TextFormat;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.tools.render.Hex;
import io.ringside.tools.render.PayloadRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns input lines into frames: plain text, {@code /hex}, {@code /env}, {@code /ping},
 * {@code /close}, {@code /quit} ({@code //} sends a text starting with {@code /}). In script mode
 * it waits after each message or ping for a reply, and after a close for the server's close; a line
 * it cannot use (an unknown command, bad hex, a bad envelope or close code) is reported, skipped and
 * fails the run, since the script is wrong. Interactively such a line is reported and skipped.
 */
final class LineSender {
    private static final long INTERACTIVE_CLOSE_WAIT_MS = 5_000;

    private final BlockingSession session;
    private final ConsoleEvents console;
    private final long replyTimeoutMs;
    private final PayloadRenderer renderer = new PayloadRenderer(1024);
    private boolean ok = true;

    /** A sender that waits {@code replyTimeoutMs} for each reply, or not at all when 0 (interactive). */
    LineSender(BlockingSession session, ConsoleEvents console, long replyTimeoutMs) {
        this.session = session;
        this.console = console;
        this.replyTimeoutMs = replyTimeoutMs;
    }

    /** Sends every line until the input ends, {@code /close} or {@code /quit}; false if anything failed. */
    boolean run(BufferedReader lines) throws IOException, InterruptedException {
        String line;
        while ((line = lines.readLine()) != null && !session.isClosed()) {
            if (!line.isBlank() && !handle(line.strip())) {
                return ok;
            }
        }
        close(CloseCode.NORMAL_CLOSURE, "");
        return ok;
    }

    /** Handles one line; false when the session is over. */
    private boolean handle(String line) throws IOException, InterruptedException {
        String word = line.split(" ", 2)[0];
        String rest = line.length() > word.length() ? line.substring(word.length() + 1).strip() : "";
        switch (word) {
            case "/hex":
                return sendAndWait(Opcode.BINARY, parseHex(rest));
            case "/env":
                return sendAndWait(Opcode.BINARY, parseEnvelope(rest));
            case "/ping":
                return sendAndWait(Opcode.PING, rest.getBytes(StandardCharsets.UTF_8));
            case "/close":
                closeCommand(rest);
                return false;
            case "/quit":
                close(CloseCode.NORMAL_CLOSURE, "");
                return false;
            default:
                if (word.startsWith("/") && !word.startsWith("//")) {
                    badLine("unknown command " + word + " (/hex, /env, /ping, /close, /quit; // sends a /)");
                    return true;
                }
                String text = line.startsWith("//") ? line.substring(1) : line;
                return sendAndWait(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean sendAndWait(int opcode, byte[] payload) throws IOException, InterruptedException {
        if (payload == null) {
            return true;
        }
        long seen = console.replies();
        String shown = opcode == Opcode.BINARY ? renderer.hex(payload, payload.length, payload.length)
                : renderer.render(opcode, payload, payload.length, payload.length);
        if (!session.send(opcode, payload, () -> console.print(">> " + Opcode.name(opcode) + " " + shown))) {
            console.print("!! not sent: the connection is closing");
            ok = false;
            return false;
        }
        if (replyTimeoutMs > 0 && !console.awaitReplies(seen, replyTimeoutMs)) {
            console.print("!! no reply within " + replyTimeoutMs + " ms");
            ok = false;
        }
        return true;
    }

    /** A line that cannot be sent: reported; in script mode the run fails. */
    private void badLine(String problem) {
        console.print("!! " + problem + (replyTimeoutMs > 0 ? " (line skipped; the script fails)" : ""));
        if (replyTimeoutMs > 0) {
            ok = false;
        }
    }

    private void closeCommand(String args) throws IOException, InterruptedException {
        String[] parts = args.isEmpty() ? new String[0] : args.split(" ", 2);
        try {
            int code = parts.length > 0 ? Integer.parseInt(parts[0]) : CloseCode.NORMAL_CLOSURE;
            close(code, parts.length > 1 ? parts[1] : "");
        } catch (IllegalArgumentException e) {
            badLine("bad /close: " + e.getMessage());
            close(CloseCode.NORMAL_CLOSURE, "");
        }
    }

    private void close(int code, String reason) throws IOException, InterruptedException {
        ByteBuffer body = ByteBuffer.allocate(2 + reason.getBytes(StandardCharsets.UTF_8).length);
        body.putShort((short) code).put(reason.getBytes(StandardCharsets.UTF_8));
        String shown = ">> CLOSE " + PayloadRenderer.close(body.array(), body.capacity());
        session.sendClose(code, reason, () -> console.print(shown));
        long wait = replyTimeoutMs > 0 ? replyTimeoutMs : INTERACTIVE_CLOSE_WAIT_MS;
        if (!console.awaitFinished(wait)) {
            console.print("!! the server did not close within " + wait + " ms");
            ok = false;
        }
    }

    private byte[] parseHex(String text) {
        try {
            return Hex.parse(text);
        } catch (IllegalArgumentException e) {
            badLine("bad /hex: " + e.getMessage());
            return null;
        }
    }

    private byte[] parseEnvelope(String text) {
        try {
            ClientEnvelope.Builder builder = ClientEnvelope.newBuilder();
            TextFormat.merge(text, builder);
            console.print(".. ClientEnvelope { " + TextFormat.printer().emittingSingleLine(true)
                    .printToString(builder).strip() + " }");
            return builder.build().toByteArray();
        } catch (TextFormat.ParseException e) {
            badLine("bad /env: " + e.getMessage());
            return null;
        }
    }
}
