package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.List;

/** A minimal Newick reader for the tests (unquoted names, branch lengths), independent of TaskTree. */
final class Newick {

    /** A parsed node: name (leaves), branch length to its parent (NaN at the root), children. */
    record Node(String name, double length, List<Node> children) {
        boolean isLeaf() {
            return children.isEmpty();
        }

        void leaves(List<String> out) {
            if (isLeaf()) {
                out.add(name);
            }
            for (Node c : children) {
                c.leaves(out);
            }
        }

        List<String> leaves() {
            List<String> out = new ArrayList<>();
            leaves(out);
            return out;
        }
    }

    private final String text;
    private int pos;

    private Newick(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        Newick p = new Newick(text.trim());
        Node root = p.node();
        if (p.pos >= p.text.length() || p.text.charAt(p.pos) != ';') {
            throw new IllegalArgumentException("expected ';' at " + p.pos + " in " + text);
        }
        return root;
    }

    private Node node() {
        List<Node> children = new ArrayList<>();
        if (text.charAt(pos) == '(') {
            pos++;
            children.add(node());
            while (text.charAt(pos) == ',') {
                pos++;
                children.add(node());
            }
            expect(')');
        }
        int start = pos;
        while (pos < text.length() && "(),:;".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String name = text.substring(start, pos);
        double length = Double.NaN;
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
            int s = pos;
            while (pos < text.length() && "(),:;".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            length = Double.parseDouble(text.substring(s, pos));
        }
        return new Node(name, length, children);
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + text);
        }
        pos++;
    }
}
