package io.ringside.tools;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code ringside-tools} in-process with captured output, as a test would from a shell. */
public record ToolRun(int exitCode, String out, String err) {
    /** Runs {@code args} with {@code stdin} as standard input. */
    public static ToolRun run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = RingsideTools.commandLine(stdin);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new ToolRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args} with {@code stdin} (UTF-8) as standard input. */
    public static ToolRun run(byte[] stdin, String... args) {
        return run(new ByteArrayInputStream(stdin), args);
    }
}
