package org.mtlworkbench.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when running from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"MTL Workbench " + (v == null ? "dev" : v),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
    }
}
