package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.core.blueprint.ConfigurationStore;
import dev.flowstage.spi.ExecutionStore;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/** Hosts on PostgreSQL may leave the H2 jar out: the stores load and work without it. */
class WithoutH2Test {

    @Test
    void jdbcStores_withoutTheH2Jar_loadAndReachTheDatabase() throws Exception {
        List<URL> jars = List.of(location(JdbcStores.class), location(ExecutionStore.class),
                location(ConfigurationStore.class), location(JsonMapper.class),
                location(JsonParser.class), location(com.fasterxml.jackson.annotation.JsonProperty.class),
                location(PGSimpleDataSource.class));
        assertThat(jars).noneMatch(url -> url.toString().contains("h2"));
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.h2.jdbcx.JdbcDataSource")).isInstanceOf(ClassNotFoundException.class);
            Class<?> pg = loader.loadClass(PGSimpleDataSource.class.getName());
            Object dataSource = pg.getConstructor().newInstance();
            pg.getMethod("setURL", String.class).invoke(dataSource, "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=5");
            Class<?> stores = loader.loadClass(JdbcStores.class.getName());
            assertThatThrownBy(() -> invokeCreate(stores, dataSource))
                    .isInstanceOf(InvocationTargetException.class).cause()
                    .hasMessageStartingWith("schema migrate failed (SQLState 08")
                    .extracting(e -> e.getClass().getName()).isEqualTo(JdbcStoreException.class.getName());
        }
    }

    private static void invokeCreate(Class<?> stores, Object dataSource) throws Exception {
        stores.getMethod("create", DataSource.class).invoke(null, dataSource);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
