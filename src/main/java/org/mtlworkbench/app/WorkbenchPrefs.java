package org.mtlworkbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the workbench remembers between starts (java.util.prefs): the theme and the recently opened files. Tests use
 * their own node (system property {@code mtlwb.prefs.node}) so they never touch a user's settings.
 */
final class WorkbenchPrefs {

    static final int RECENT_MAX = 8;
    private static final String DARK = "darkTheme";
    private static final String RECENT = "recent.";

    private final Preferences node;

    WorkbenchPrefs(Preferences node) {
        this.node = node;
    }

    static WorkbenchPrefs load() {
        String name = System.getProperty("mtlwb.prefs.node", "/org/mtlworkbench/app");
        return new WorkbenchPrefs(Preferences.userRoot().node(name));
    }

    boolean darkTheme() {
        return node.getBoolean(DARK, false);
    }

    void setDarkTheme(boolean dark) {
        node.putBoolean(DARK, dark);
        flush();
    }

    /** Most recent first. */
    List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < RECENT_MAX; i++) {
            String v = node.get(RECENT + i, null);
            if (v != null) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    void addRecent(Path p) {
        List<Path> list = recentFiles();
        Path abs = p.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < RECENT_MAX; i++) {
            if (i < list.size()) {
                node.put(RECENT + i, list.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: a read-only home must not stop the workbench
        }
    }
}
