package io.ringside.tools.client;

import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.Role;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code client}: connects to a {@code ws://} URL, prints the handshake, then sends what each line
 * of input says and prints what arrives. Exit code 0 after a clean close, 1 when the connection or
 * handshake failed, the server broke the protocol, or (script mode) a reply did not come in time.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Interactive WebSocket client. Input lines:",
            "  text                     send a text message",
            "  /hex <bytes>             send a binary message, e.g. /hex 01 02 ff",
            "  /env <text format>       send a ClientEnvelope, e.g. /env ping { client_time: 1 }",
            "  /ping [data]             send a ping",
            "  /close [code] [reason]   start the close handshake (default 1000)",
            "  /quit                    close with 1000 and exit"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:closed cleanly", "1:connect, handshake or protocol failure, or in a script: a reply timed"
            + " out or a line could not be sent (unknown /command, bad /hex, /env or /close)"})
public final class ClientCommand implements Callable<Integer> {
    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "ws://host[:port]/path")
    private URI uri;

    @Option(names = "--script", paramLabel = "FILE", description = "Read input lines from FILE (script mode).")
    private Path script;

    @Option(names = "--interactive", description = "Do not wait for replies even when input is not a terminal.")
    private boolean interactive;

    @Option(names = "--reply-timeout-ms", defaultValue = "2000", paramLabel = "MS",
            description = "Script mode: how long to wait for the reply to each line. Default: ${DEFAULT-VALUE}.")
    private long replyTimeoutMs;

    @Option(names = "--connect-timeout-ms", defaultValue = "5000", paramLabel = "MS",
            description = "TCP connect and handshake timeout. Default: ${DEFAULT-VALUE}.")
    private int connectTimeoutMs;

    @Option(names = "--envelope", description = "Show binary messages as ServerEnvelopes in protobuf text format.")
    private boolean envelope;

    @Option(names = "--max-payload", defaultValue = "1024", paramLabel = "BYTES",
            description = "Payload bytes shown per message. Default: ${DEFAULT-VALUE}.")
    private int maxPayloadBytes;

    @Option(names = "--subprotocol", paramLabel = "NAME", description = "Offer a subprotocol (repeatable).")
    private List<String> subprotocols = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE", description = "Add a request header (repeatable).")
    private List<String> headers = new ArrayList<>();

    /** A command reading its input lines from {@code stdin} unless {@code --script} is given. */
    public ClientCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            spec.commandLine().getErr().println("client: expected ws://host[:port]/path, got " + uri);
            return 1;
        }
        ConsoleEvents console = new ConsoleEvents(spec.commandLine().getOut(), maxPayloadBytes, envelope);
        BlockingSession session = connect(console);
        if (session == null) {
            return 1;
        }
        boolean scriptMode = script != null || !interactive && System.console() == null;
        try (Reader reader = script != null ? Files.newBufferedReader(script, StandardCharsets.UTF_8)
                : new InputStreamReader(stdin, StandardCharsets.UTF_8)) {
            LineSender sender = new LineSender(session, console, scriptMode ? replyTimeoutMs : 0);
            boolean ok = sender.run(new BufferedReader(reader));
            return ok && !console.failed() ? 0 : 1;
        } finally {
            session.abort();
        }
    }

    private BlockingSession connect(ConsoleEvents console) throws IOException {
        Socket socket = new Socket();
        try {
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            socket.connect(new InetSocketAddress(uri.getHost(), port), connectTimeoutMs);
            socket.setSoTimeout(connectTimeoutMs);
            socket.setTcpNoDelay(true);
            ClientHandshake handshake = new ClientHandshake(uri, subprotocols, headerMap());
            OutputStream out = socket.getOutputStream();
            out.write(handshake.request().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            handshake.request().lines().filter(line -> !line.isEmpty()).forEach(line -> console.print("> " + line));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<String> head = ClientHandshake.readHead(in);
            head.forEach(line -> console.print("< " + line));
            String problem = handshake.check(head);
            if (problem != null) {
                console.print("!! handshake failed: " + problem);
                socket.close();
                return null;
            }
            socket.setSoTimeout(0);
            console.print("connected to " + uri);
            BlockingSession session = new BlockingSession(socket, in,
                    DecoderConfig.builder().role(Role.CLIENT).build(), console);
            session.start();
            return session;
        } catch (IOException e) {
            console.print("!! cannot connect to " + uri + ": " + e);
            socket.close();
            return null;
        }
    }

    private Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header " + h + " (expected NAME:VALUE)");
            }
            map.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return map;
    }
}
