package dev.flowstage.policy.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A read-only list view whose elements are converted to data views when read. Public only for MVEL's reflection; not an API. */
public final class DataList extends AbstractList<Object> implements RandomAccess {
    private final List<?> source;

    DataList(List<?> source) {
        this.source = source;
    }

    @Override
    public Object get(int index) {
        return DataViews.data(source.get(index));
    }

    @Override
    public int size() {
        return source.size();
    }
}
