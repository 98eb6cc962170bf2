package io.ringside.tools;

import io.ringside.tools.client.ClientCommand;
import io.ringside.tools.inspect.InspectCommand;
import io.ringside.tools.loadgen.LoadgenCommand;
import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code ringside-tools} command: {@code inspect} (frame inspector), {@code client}
 * (interactive WebSocket client) and {@code loadgen} (bot swarm load generator).
 *
 * <pre>
 * java -jar tools/target/ringside-tools.jar loadgen ws://localhost:9001/ --bots 1000 --duration 30s
 * </pre>
 */
@Command(name = "ringside-tools", mixinStandardHelpOptions = true, version = "ringside-tools 0.1.0",
        description = "Ringside command-line tools: frame inspector, interactive client, load generator.")
public final class RingsideTools implements Runnable {
    @Spec
    private CommandSpec spec;

    private RingsideTools() {
    }

    /**
     * The command line with every subcommand; {@code stdin} feeds {@code client} and {@code inspect -}.
     * Set its out and err writers before {@link CommandLine#execute} to capture output.
     */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine line = new CommandLine(new RingsideTools());
        line.addSubcommand(new InspectCommand(stdin));
        line.addSubcommand(new ClientCommand(stdin));
        line.addSubcommand(new LoadgenCommand());
        line.addSubcommand(new CommandLine.HelpCommand());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    /** Runs the tools with {@code args} and exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(System.in).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: inspect, client or loadgen");
    }
}
