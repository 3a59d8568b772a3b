package org.mtlworkbench.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The model families on the class path, found by {@link ServiceLoader}. */
public final class ModelRegistry {

    private final List<ModelFactory> factories;

    private ModelRegistry(List<ModelFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    public static ModelRegistry load() {
        List<ModelFactory> list = new ArrayList<>();
        ServiceLoader.load(ModelFactory.class, ModelRegistry.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparing(ModelFactory::id));
        return new ModelRegistry(list);
    }

    public List<ModelFactory> all() {
        return factories;
    }

    public ModelFactory get(String id) {
        for (ModelFactory f : factories) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "'; known: "
                + factories.stream().map(ModelFactory::id).toList());
    }
}
