package org.mtlworkbench.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import org.mtlworkbench.experiment.setup.Setup;

/**
 * Controls a lecturer hides or locks (as TensorFlow Playground's hidden controls): a hidden control is gone from
 * the layout, a locked one is shown greyed and ignores the mouse (its own disable state is often bound to the run
 * state, so locking does not touch it). Names are {@link Setup.Controls#NAMES}.
 */
final class ControlLocks {

    private final Map<String, List<Node>> nodes;
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<String> locked = new LinkedHashSet<>();

    ControlLocks(Workbench wb) {
        DataPane d = wb.data;
        ModelPane m = wb.model;
        nodes = Map.of(
                "data", List.of(d.samples),
                "split", List.of(d.splitFraction, d.fraction, d.splitCount, d.count, d.splitColumn, d.splitSeed),
                "model", List.of(m.models, m.presets, m.savePreset),
                "params", List.of(m.sheet),
                "seed", List.of(m.seed),
                "run", List.of(wb.start, wb.pause, wb.step, wb.stop, wb.reset),
                "tau", List.of(wb.curves.tau));
    }

    Setup.Controls current() {
        return new Setup.Controls(List.copyOf(hidden), List.copyOf(locked));
    }

    boolean isHidden(String name) {
        return hidden.contains(name);
    }

    boolean isLocked(String name) {
        return locked.contains(name);
    }

    void apply(Setup.Controls c) {
        for (String n : Setup.Controls.NAMES) {
            setHidden(n, c.hidden().contains(n));
            setLocked(n, c.locked().contains(n));
        }
    }

    void setHidden(String name, boolean hide) {
        if (hide) {
            hidden.add(name);
        } else {
            hidden.remove(name);
        }
        for (Node n : nodes.get(name)) {
            n.setVisible(!hide);
            n.setManaged(!hide);
        }
    }

    void setLocked(String name, boolean lock) {
        if (lock) {
            locked.add(name);
        } else {
            locked.remove(name);
        }
        for (Node n : nodes.get(name)) {
            n.setMouseTransparent(lock);
            n.setFocusTraversable(!lock);
            n.setOpacity(lock ? 0.55 : 1);
        }
    }
}
