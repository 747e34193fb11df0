package io.ledgernode.api;

import java.util.Arrays;

/**
 * The base of the interface's plain value classes: two values are equal when they are of the same class and their
 * components are equal, and hash as {@link java.util.Objects#hash} of the components. Adds no JSON field.
 */
public abstract class Value {

    /** The fields that make up the value, always in the same order. */
    protected abstract Object[] components();

    @Override
    public final boolean equals(final Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(components(), ((Value) other).components());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(components());
    }

    /** {@code Name{first=.., second=..}}: the class's simple name and each component under its name, in order. */
    protected final String describe(final String... names) {
        final Object[] values = components();
        if (names.length != values.length) {
            throw new IllegalStateException(getClass().getSimpleName() + " names " + names.length + " of "
                    + values.length + " components");
        }
        final StringBuilder out = new StringBuilder(getClass().getSimpleName()).append('{');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
        }
        return out.append('}').toString();
    }
}
