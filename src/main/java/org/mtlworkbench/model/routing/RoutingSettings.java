package org.mtlworkbench.model.routing;

import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.djl.TemperatureSchedule;

/** The checked hyper-parameters of one routing fit (see {@link RoutingFactory#params()} for their meaning). */
record RoutingSettings(int steps, int batchSize, int layers, int components, int width, HeadKind head,
                       Allocation allocation, double learningRate, double allocationLearningRate, double weightDecay,
                       double initLogit, boolean straightThrough, double tau, TemperatureSchedule tauSchedule,
                       double tauDecay, double tauFloor) {

    static RoutingSettings from(ParamValues p) {
        return new RoutingSettings(p.getInt("steps"), p.getInt("batchSize"), p.getInt("layers"),
                p.getInt("components"), p.getInt("width"), HeadKind.of(p.getString("head")),
                Allocation.of(p.getString("allocation")), p.getDouble("learningRate"),
                p.getDouble("allocationLearningRate"), p.getDouble("weightDecay"), p.getDouble("initLogit"),
                p.getBoolean("straightThrough"), p.getDouble(RoutingFactory.TAU),
                TemperatureSchedule.of(p.getString("tauSchedule")), p.getDouble("tauDecay"), p.getDouble("tauFloor"));
    }

    /** τ from the schedule at {@code step} (the live knob, when set, replaces it). */
    double scheduledTau(int step) {
        return tauSchedule.at(step, tau, tauDecay, tauFloor);
    }
}
