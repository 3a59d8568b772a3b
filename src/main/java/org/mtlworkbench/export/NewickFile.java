package org.mtlworkbench.export;

import java.io.IOException;
import java.nio.file.Path;
import org.mtlworkbench.relatedness.TaskTree;

/** A task tree as a Newick file (one line, branch lengths = differences of merge heights), written atomically. */
public final class NewickFile {

    private NewickFile() {
    }

    public static void write(TaskTree tree, Path file) throws IOException {
        AtomicFiles.writeString(file, tree.toNewick() + "\n");
    }
}
