package io.ringside.tools.inspect;

import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect}: decodes a captured byte stream (raw bytes, a hex dump, or a pcap file of one TCP
 * connection) into the HTTP handshake and WebSocket frames, with protocol violations and the RFC
 * close code they call for. Exit code 0 when clean, 1 when a violation or refused handshake was
 * found, 2 when the input cannot be read.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Decode a captured WebSocket byte stream (raw, hex dump or pcap) into handshake and frames.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "1:protocol violation or refused handshake found", "2:unreadable input"})
public final class InspectCommand implements Callable<Integer> {
    /** Input formats. */
    enum Format { AUTO, RAW, HEX, PCAP }

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Capture file, or - for standard input.")
    private String file;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, raw, hex (plain, xxd or hexdump -C) or pcap (classic libpcap)."
                    + " Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--role", defaultValue = "server", paramLabel = "ROLE",
            description = "Who receives a raw or hex stream: server (the bytes a client sent: upgrade request,"
                    + " masked frames) or client (a server's bytes). Default: ${DEFAULT-VALUE}.")
    private Role role;

    @Option(names = "--envelope", description = "Show binary messages as Ringside envelopes in protobuf text format.")
    private boolean envelope;

    @Option(names = "--max-payload", defaultValue = "256", paramLabel = "BYTES",
            description = "Payload bytes shown per frame before truncating. Default: ${DEFAULT-VALUE}.")
    private int maxPayloadBytes;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT",
            description = "pcap: decode the first connection using this port (default: the first connection).")
    private int port;

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES",
            description = "Frame payload limit to check (a larger frame is a 1009). Default: 1048576.")
    private long maxFrameBytes = DecoderConfig.DEFAULT_MAX_FRAME_PAYLOAD_BYTES;

    @Option(names = "--max-message-bytes", paramLabel = "BYTES",
            description = "Message limit to check (a larger message is a 1009). Default: 1048576.")
    private int maxMessageBytes = DecoderConfig.DEFAULT_MAX_MESSAGE_BYTES;

    /** A command reading {@code -} from {@code stdin}. */
    public InspectCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            byte[] input = "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
            Format actual = format == Format.AUTO ? detect(input) : format;
            int problems = actual == Format.PCAP ? inspectPcap(input, out) : inspectStream(bytesOf(actual, input), out);
            out.flush();
            return problems == 0 ? 0 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("inspect: " + describe(e, file));
            return 2;
        } catch (CaptureFormatException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("inspect: " + e.getMessage());
            return 2;
        }
    }

    /** What went wrong reading the input, in words: the JDK's file exceptions carry only the path. */
    static String describe(IOException e, String file) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileSystemException fs) {
            return "cannot read " + fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason());
        }
        return "cannot read " + ("-".equals(file) ? "standard input" : file) + ": " + e.getMessage();
    }

    private static Format detect(byte[] input) {
        if (PcapReader.looksLikePcap(input)) {
            return Format.PCAP;
        }
        return HexDumpReader.looksLikeHex(new String(input, StandardCharsets.ISO_8859_1)) ? Format.HEX : Format.RAW;
    }

    private static byte[] bytesOf(Format format, byte[] input) {
        return format == Format.HEX ? HexDumpReader.read(new String(input, StandardCharsets.ISO_8859_1)) : input;
    }

    private int inspectStream(byte[] bytes, PrintWriter out) {
        StreamInspector inspector = new StreamInspector(config(role), maxPayloadBytes, envelope);
        inspector.feed(bytes, 0);
        for (InspectLine line : inspector.finish()) {
            out.println(line.direction() + " " + line.text());
        }
        return inspector.problems();
    }

    private int inspectPcap(byte[] file, PrintWriter out) {
        List<TcpSegment> segments = PcapReader.read(file);
        TcpConversation conversation = TcpReassembler.reassemble(segments, port);
        out.println("TCP connection " + conversation.client() + " (client) -> " + conversation.server() + " (server)");
        for (String note : conversation.notes()) {
            out.println("note: " + note);
        }
        StreamInspector up = new StreamInspector(config(Role.SERVER), maxPayloadBytes, envelope);
        conversation.clientToServer().forEach(c -> up.feed(c.bytes(), c.timeNanos()));
        List<InspectLine> upLines = up.finish();
        StreamInspector down = new StreamInspector(config(Role.CLIENT), maxPayloadBytes, envelope);
        down.expectAcceptFor(up.webSocketKey());
        conversation.serverToClient().forEach(c -> down.feed(c.bytes(), c.timeNanos()));
        List<InspectLine> downLines = down.finish();
        long start = segments.isEmpty() ? 0 : segments.get(0).timeNanos();
        for (InspectLine line : mergeByTime(upLines, downLines)) {
            out.println(String.format(Locale.ROOT, "+%.6f %s %s", (line.timeNanos() - start) / 1e9,
                    line.direction(), line.text()));
        }
        return up.problems() + down.problems();
    }

    private static List<InspectLine> mergeByTime(List<InspectLine> a, List<InspectLine> b) {
        List<InspectLine> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || i < a.size() && a.get(i).timeNanos() <= b.get(j).timeNanos()) {
                merged.add(a.get(i++));
            } else {
                merged.add(b.get(j++));
            }
        }
        return merged;
    }

    private DecoderConfig config(Role receiver) {
        return DecoderConfig.builder().role(receiver)
                .maxFramePayloadBytes(maxFrameBytes).maxMessageBytes(maxMessageBytes).build();
    }
}
