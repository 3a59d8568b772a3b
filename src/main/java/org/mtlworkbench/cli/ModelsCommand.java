package org.mtlworkbench.cli;

import java.io.PrintWriter;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ParamSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists the model ids and their parameters. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models (ids for --model) and their parameters (for --param name=value).")
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelFactory f : ModelRegistry.load().all()) {
            String kinds = (f.supports(TargetType.REGRESSION) ? "regression" : "")
                    + (f.supports(TargetType.REGRESSION) && f.supports(TargetType.CLASSIFICATION) ? ", " : "")
                    + (f.supports(TargetType.CLASSIFICATION) ? "classification" : "");
            out.printf("%s — %s (%s)%n    %s%n", f.id(), f.displayName(), kinds, f.description());
            if (!f.reference().isEmpty()) {
                out.printf("    reference: %s%n", f.reference());
            }
            for (ParamSpec p : f.params()) {
                out.printf("    --param %s=%s   %s %s%s%s%n", p.name(), p.defaultValue(),
                        p.type().name().toLowerCase(java.util.Locale.ROOT), p.rangeText(),
                        p.live() ? " (live)" : "", p.help().isEmpty() ? "" : ": " + p.help());
            }
        }
        out.flush();
    }
}
