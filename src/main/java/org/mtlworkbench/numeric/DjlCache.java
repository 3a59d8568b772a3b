package org.mtlworkbench.numeric;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where DJL unpacks PyTorch's native libraries (about 430 MB, once): the user's cache directory, never the install
 * directory (read-only for users, and wiped by updates).
 *
 * <p>DJL reads {@code DJL_CACHE_DIR} from the environment or, failing that, from the system properties. The packaged
 * launcher cannot set environment variables, so the program sets the system property itself before DJL is first
 * touched, unless the user set either one.
 */
public final class DjlCache {

    public static final String KEY = "DJL_CACHE_DIR";

    private DjlCache() {
    }

    /**
     * Sets the {@code DJL_CACHE_DIR} system property to {@link #defaultDir} unless the environment variable or the
     * property is already set; returns the directory DJL will use.
     */
    public static Path configure() {
        String env = System.getenv(KEY);
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        String prop = System.getProperty(KEY);
        if (prop != null && !prop.isEmpty()) {
            return Path.of(prop);
        }
        Path dir = defaultDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
        System.setProperty(KEY, dir.toString());
        return dir;
    }

    /**
     * The per-user cache folder for this program's DJL files: {@code %LOCALAPPDATA%\mtl-workbench\djl} on Windows,
     * {@code ~/Library/Caches/mtl-workbench/djl} on macOS, else {@code $XDG_CACHE_HOME/mtl-workbench/djl} with
     * {@code ~/.cache} when XDG_CACHE_HOME is unset or not absolute (as the XDG specification says).
     */
    public static Path defaultDir(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path base;
        if (os.startsWith("windows") && nonEmpty(env.get("LOCALAPPDATA"))) {
            base = Path.of(env.get("LOCALAPPDATA"));
        } else if (os.startsWith("mac")) {
            base = Path.of(userHome, "Library", "Caches");
        } else {
            String xdg = env.get("XDG_CACHE_HOME");
            base = nonEmpty(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".cache");
        }
        return base.resolve("mtl-workbench").resolve("djl");
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
