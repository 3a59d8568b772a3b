package org.mtlworkbench.model;

/** The kind of value a hyper-parameter takes. */
public enum ParamType {
    DOUBLE,
    INT,
    BOOLEAN,
    /** One of a fixed list of strings. */
    CHOICE
}
