package dev.flowstage.policy.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A read-only map view whose values are converted to data views when read. Public only for MVEL's reflection; not an API. */
public final class DataMap extends AbstractMap<String, Object> {
    private final Map<?, ?> source;

    DataMap(Map<?, ?> source) {
        this.source = source;
    }

    @Override
    public Object get(Object key) {
        return DataViews.data(source.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return source.containsKey(key);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Entries(source.entrySet().iterator());
            }

            @Override
            public int size() {
                return source.size();
            }
        };
    }

    /** Iterates the source's entries as read-only entries of data views. */
    private static final class Entries implements Iterator<Entry<String, Object>> {
        private final Iterator<? extends Entry<?, ?>> entries;

        Entries(Iterator<? extends Entry<?, ?>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public Entry<String, Object> next() {
            Entry<?, ?> entry = entries.next();
            return new SimpleImmutableEntry<>(String.valueOf(entry.getKey()), DataViews.data(entry.getValue()));
        }
    }
}
