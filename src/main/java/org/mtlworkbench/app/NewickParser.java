package org.mtlworkbench.app;

import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.relatedness.TaskTree.Node;

/**
 * Reads a rooted binary Newick tree with branch lengths (as in a scenario's ground truth) into a {@link TaskTree}:
 * a node's height is the largest height of a leaf path below it, leaves at 0.
 */
final class NewickParser {

    private final String s;
    private int pos;

    private NewickParser(String s) {
        this.s = s.strip();
    }

    /** Parses {@code newick}; throws IllegalArgumentException naming the position of a problem. */
    static TaskTree parse(String title, String newick) {
        NewickParser p = new NewickParser(newick);
        Parsed root = p.node();
        if (p.pos < p.s.length() && p.s.charAt(p.pos) == ';') {
            p.pos++;
        }
        if (p.pos != p.s.length()) {
            throw p.error("unexpected text after the tree");
        }
        return new TaskTree(title, root.node);
    }

    /** A parsed subtree and the length of the branch above it. */
    private record Parsed(Node node, double length) {
    }

    private Parsed node() {
        Node n;
        if (peek() == '(') {
            pos++;
            Parsed a = node();
            expect(',');
            Parsed b = node();
            expect(')');
            double h = Math.max(a.node.height() + a.length, b.node.height() + b.length);
            n = Node.merge(a.node, b.node, h);
            name(); // internal labels are ignored
        } else {
            String name = name();
            if (name.isEmpty()) {
                throw error("expected a task name or '('");
            }
            n = Node.leaf(name);
        }
        double len = 0;
        if (peek() == ':') {
            pos++;
            int start = pos;
            while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                len = Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("expected a branch length");
            }
        }
        return new Parsed(n, len);
    }

    private String name() {
        if (peek() == '\'') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\'') {
                    if (peek() == '\'') {
                        sb.append('\'');
                        pos++;
                        continue;
                    }
                    return sb.toString();
                }
                sb.append(c);
            }
            throw error("unterminated quoted name");
        }
        int start = pos;
        while (pos < s.length() && "(),:;".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        return s.substring(start, pos).strip();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Newick, character " + (pos + 1) + ": " + what);
    }
}
