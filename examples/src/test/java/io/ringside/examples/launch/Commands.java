package io.ringside.examples.launch;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs an example command in-process, capturing what picocli prints. */
public final class Commands {
    /** Exit code and the text picocli wrote to its out and err. */
    public record Run(int exitCode, String out, String err) {
    }

    private Commands() {
    }

    /** Executes {@code command} with {@code args} through {@link Launcher#commandLine(Object)}. */
    public static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Launcher.commandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
