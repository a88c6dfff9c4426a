package dev.flowstage.policy.internal;

import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what hosts and stages hold into what expressions may see: immutable data only (strings,
 * booleans, immutable numbers, {@link Secret}s, and read-only map and list views of those). Never
 * services, entities or mutable collections, so that no method an expression may call can change
 * anything or reach further than data.
 */
public final class DataViews {
    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Double.class, Float.class, Short.class, Byte.class, BigDecimal.class, BigInteger.class, Secret.class);

    private DataViews() {}

    /**
     * Returns the data view of {@code value}: users, requests and contexts become maps, records
     * become maps of their components, collections read-only lists, enums their names, anything
     * else its string form.
     */
    public static Object data(Object value) {
        if (value == null || SCALARS.contains(value.getClass()) || value instanceof DataMap
                || value instanceof DataList || value instanceof UserView) {
            return value;
        }
        if (value instanceof User user) {
            return new UserView(user);
        }
        if (value instanceof RequestInfo request) {
            return request(request);
        }
        if (value instanceof FlowContext context) {
            return new DataMap(context.asMap());
        }
        return structured(value);
    }

    private static Object structured(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new DataMap(map);
        }
        if (value instanceof Collection<?> collection) {
            return new DataList(collection instanceof java.util.List<?> list ? list : new ArrayList<>(collection));
        }
        if (value instanceof Object[] array) {
            return new DataList(Arrays.asList(array));
        }
        if (value instanceof Record record) {
            return new DataMap(components(record));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Optional<?> optional) {
            return data(optional.orElse(null));
        }
        return value.toString();
    }

    private static Map<String, Object> request(RequestInfo request) {
        return new DataMap(Map.of(
                "ip", request.clientIp(),
                "user_agent", request.userAgent(),
                "host", request.host(),
                "query", request.query()));
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            values.put(component.getName(), read(component, record));
        }
        return values;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // an unreadable component is simply absent to expressions
        }
    }
}
