package org.mtlworkbench.cli;

import java.io.PrintWriter;
import org.mtlworkbench.data.DataImportException;
import org.mtlworkbench.numeric.DjlCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mtlwb}: the workbench's core from the command line. Exit 0 on success, 2 on bad input, 1 on failure. */
@Command(name = "mtlwb", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "MTL Workbench: Bayesian multi-task learning from the command line.",
        subcommands = {ModelsCommand.class, TrainCommand.class, CompareCommand.class, GenerateCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        DjlCache.configure();
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("mtlwb: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'mtlwb " + ex.getCommandLine().getCommandName()
                    + " --help'.");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Throwable t = ex;
            if (t instanceof BadInputException || t instanceof DataImportException
                    || t instanceof IllegalArgumentException) {
                line.getErr().println("mtlwb: " + oneLine(t.getMessage()));
                return EXIT_BAD_INPUT;
            }
            line.getErr().println("mtlwb: failed: " + t);
            t.printStackTrace(line.getErr());
            return 1;
        });
        return cl;
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
