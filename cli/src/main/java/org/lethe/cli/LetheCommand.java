package org.lethe.cli;

import org.lethe.cli.bench.BenchCommand;
import org.lethe.cli.demo.DemoCommand;
import org.lethe.cli.keys.KeysCommand;
import org.lethe.cli.report.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lethe} command line: subject tools, benchmarks and, later, the demo. */
@Command(name = "lethe", mixinStandardHelpOptions = true, version = "lethe 0.1.0",
        description = "Verifiable machine unlearning: subject tools and benchmarks.",
        subcommands = {DemoCommand.class, KeysCommand.class, ReportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LetheCommand {

    public static void main(String[] args) {
        // library chatter (web3j, OkHttp) only when it matters; the command's own output is on stdout
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with Lethe's error handling: a failure prints its message, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new LetheCommand()).setExecutionExceptionHandler((error, command, parsed) -> {
            command.getErr().println("lethe: " + error.getMessage());
            return 1;
        });
    }
}
