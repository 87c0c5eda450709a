package org.lethe.ml.dishonest;

import org.lethe.ml.unlearning.UnlearningMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a provider does with a deletion, honest or not: how it changes the model, what it then serves, and
 * which strategy it claims. The honest and approximate strategies and {@code none} claim what they do; the
 * dishonest ones claim {@code sisa}.
 *
 * @param name      the strategy's name, as operators and reports write it
 * @param unlearned how the recorded version is made: an unlearning method, or empty for {@code marks-only} (SISA
 *                  without the samples a {@link MarkDetector} takes for marks, the rest of the data kept)
 * @param serving   what the served model answers with
 * @param filter    the transformation of every query, when {@code serving} is {@link Serving#FILTERED}
 * @param claimed   the strategy the provider records
 */
public record ProviderStrategy(String name, Optional<UnlearningMethod> unlearned, Serving serving,
                               Optional<QueryFilter> filter, UnlearningMethod claimed) {

    /** The names {@link #named} reads. */
    public static final List<String> NAMES = List.of("sisa", "retrain", "finetune", "gradient-ascent", "none",
            "marks-only", "filtered", "stale");

    /** What a provider serves after recording a new version. */
    public enum Serving {
        /** The recorded version, as it is. */
        RECORDED,
        /** The recorded version behind a transformation of every query. */
        FILTERED,
        /** The version from before the deletion, under the new version's name. */
        PREVIOUS
    }

    public ProviderStrategy {
        if ((serving == Serving.FILTERED) != filter.isPresent()) {
            throw new IllegalArgumentException("a filter is what a filtered provider serves through, and only that");
        }
    }

    /** Whether the provider does exactly what it records: the only strategies that may be certified. */
    public boolean honest() {
        return serving == Serving.RECORDED && unlearned.filter(method -> method == UnlearningMethod.SISA
                || method == UnlearningMethod.RETRAIN).isPresent();
    }

    /** Whether the provider keeps data it records as deleted: {@code none} and every dishonest strategy. */
    public boolean keepsData() {
        return serving != Serving.RECORDED || unlearned.isEmpty() || unlearned.get() == UnlearningMethod.NONE;
    }

    /** Whether it lies about what it did: it claims {@code sisa} but does something else. */
    public boolean dishonest() {
        return serving != Serving.RECORDED || unlearned.isEmpty();
    }

    /** An honest, approximate or lazy strategy: it does and claims {@code method}. */
    public static ProviderStrategy of(UnlearningMethod method) {
        return new ProviderStrategy(method.name().toLowerCase().replace('_', '-'), Optional.of(method), Serving.RECORDED,
                Optional.empty(), method);
    }

    /** Drops what the detector flags, keeps the rest of the deleted data, claims {@code sisa}. */
    public static ProviderStrategy marksOnly() {
        return new ProviderStrategy("marks-only", Optional.empty(), Serving.RECORDED, Optional.empty(),
                UnlearningMethod.SISA);
    }

    /** Keeps every weight and serves them through the filter, claiming {@code sisa}. */
    public static ProviderStrategy filtered(QueryFilter filter) {
        return new ProviderStrategy("filtered", Optional.of(UnlearningMethod.NONE), Serving.FILTERED,
                Optional.of(filter), UnlearningMethod.SISA);
    }

    /** Records an honest SISA deletion but keeps serving the weights from before it. */
    public static ProviderStrategy stale() {
        return new ProviderStrategy("stale", Optional.of(UnlearningMethod.SISA), Serving.PREVIOUS, Optional.empty(),
                UnlearningMethod.SISA);
    }

    /**
     * Reads a strategy by name.
     *
     * @param filter what {@code filtered} serves through
     * @throws IllegalArgumentException naming the known strategies, for any other name
     */
    public static ProviderStrategy named(String name, QueryFilter filter) {
        String normalised = String.valueOf(name).trim().toLowerCase();
        return switch (normalised) {
            case "marks-only" -> marksOnly();
            case "filtered" -> filtered(filter);
            case "stale" -> stale();
            default -> {
                if (!NAMES.contains(normalised)) {
                    throw new IllegalArgumentException("'" + name + "' is none of " + NAMES);
                }
                yield of(UnlearningMethod.valueOf(normalised.toUpperCase().replace('-', '_')));
            }
        };
    }

    /**
     * The honest and approximate strategies and {@code none}, then the dishonest ones: {@code marks-only},
     * {@code filtered} once per query filter, and {@code stale}.
     */
    public static List<ProviderStrategy> all(List<QueryFilter> filters) {
        List<ProviderStrategy> all = new ArrayList<>();
        for (UnlearningMethod method : UnlearningMethod.values()) {
            all.add(of(method));
        }
        all.add(marksOnly());
        filters.forEach(filter -> all.add(filtered(filter)));
        all.add(stale());
        return all;
    }

    /** The name, with the filter for a filtered provider: {@code filtered median:3}. */
    public String label() {
        return filter.map(f -> name + " " + f.name()).orElse(name);
    }
}
