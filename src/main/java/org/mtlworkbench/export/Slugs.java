package org.mtlworkbench.export;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** File-name-safe names from view titles: "mixing weights α (row: task)" → "mixing-weights-alpha-row-task". */
public final class Slugs {

    private static final int MAX_LENGTH = 60;
    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "alpha"), Map.entry('β', "beta"), Map.entry('γ', "gamma"), Map.entry('δ', "delta"),
            Map.entry('ε', "epsilon"), Map.entry('η', "eta"), Map.entry('θ', "theta"), Map.entry('κ', "kappa"),
            Map.entry('λ', "lambda"), Map.entry('μ', "mu"), Map.entry('ν', "nu"), Map.entry('π', "pi"),
            Map.entry('ρ', "rho"), Map.entry('σ', "sigma"), Map.entry('τ', "tau"), Map.entry('φ', "phi"),
            Map.entry('ψ', "psi"), Map.entry('ω', "omega"), Map.entry('Σ', "sigma"), Map.entry('Ω', "omega"));

    private Slugs() {
    }

    /** Lower-case ASCII letters, digits and single hyphens; "view" when nothing is left. */
    public static String slug(String title) {
        StringBuilder sb = new StringBuilder();
        for (char c : (title == null ? "" : title).toCharArray()) {
            String g = GREEK.get(c);
            sb.append(g == null ? String.valueOf(c) : " " + g + " ");
        }
        String ascii = Normalizer.normalize(sb, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "view" : s;
    }

    /** {@code slug(title) + extension}, with "-2", "-3", … added until it is not in {@code taken}; adds it. */
    public static String uniqueFileName(String title, String extension, Set<String> taken) {
        String base = slug(title);
        String name = base + extension;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "-" + i + extension;
        }
        taken.add(name);
        return name;
    }
}
