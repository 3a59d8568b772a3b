package org.mtlworkbench.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mtlworkbench.train.DataInfo;
import org.mtlworkbench.train.Provenance;

/** {@link Provenance} as a JSON object (the content of {@code provenance.json}). */
public final class ProvenanceJson {

    private ProvenanceJson() {
    }

    public static ObjectNode toJson(Provenance p) {
        ObjectNode o = JsonNodes.object();
        o.put("model", p.modelId());
        o.set("params", JsonNodes.params(p.params()));
        o.put("seed", p.seed());
        o.set("data", data(p.data()));
        o.put("appVersion", p.appVersion());
        o.put("javaVersion", p.javaVersion());
        o.put("os", p.os());
        o.put("device", p.device());
        o.put("startedAt", p.startedAt() == null ? null : p.startedAt().toString());
        JsonNodes.putNumber(o, "wallSeconds", p.wallSeconds());
        o.put("steps", p.steps());
        o.put("state", p.state().name());
        o.put("error", p.error());
        return o;
    }

    static ObjectNode data(DataInfo d) {
        ObjectNode o = JsonNodes.object();
        if (d != null) {
            o.put("name", d.name());
            o.put("path", d.path());
            o.put("sha256", d.sha256());
            o.put("split", d.splitDescription());
        }
        return o;
    }
}
