package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of {@link JdbcDocumentStore}; subclasses give a fresh store on some database. */
abstract class DocumentStoreTests {
    private JdbcDocumentStore store;

    abstract JdbcDocumentStore store();

    @BeforeEach
    void createStore() {
        store = store();
    }

    @Test
    void get_unknownName_isEmpty() {
        assertThat(store.get("blueprints/none")).isEmpty();
    }

    @Test
    void put_createsVersion1_thenEachPutIncrementsTheVersion() {
        StoredDocument first = store.put("configuration", "{\"v\":1}");
        JdbcStoreContracts.CLOCK.advance(Duration.ofMinutes(5));
        StoredDocument second = store.put("configuration", "{\"v\":2}");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.updatedAt()).isEqualTo(JdbcStoreContracts.CLOCK.instant().minus(Duration.ofMinutes(5)));
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.get("configuration")).contains(second);
        assertThat(second.updatedAt()).isEqualTo(JdbcStoreContracts.CLOCK.instant());
    }

    @Test
    void replace_expectedVersion_writesTheNextVersion_otherwiseChangesNothing() {
        StoredDocument created = store.replace("doc", "a", 0).orElseThrow();
        assertThat(store.replace("doc", "b", 0)).isEmpty();
        assertThat(store.replace("doc", "b", 2)).isEmpty();
        Optional<StoredDocument> replaced = store.replace("doc", "b", created.version());
        assertThat(replaced).hasValueSatisfying(doc -> assertThat(doc.version()).isEqualTo(2));
        assertThat(store.get("doc")).isEqualTo(replaced);
        assertThat(store.replace("missing", "x", 1)).isEmpty();
        assertThat(store.get("missing")).isEmpty();
    }

    @Test
    void replace_negativeVersion_isRefused() {
        assertThatThrownBy(() -> store.replace("doc", "a", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected document version must not be negative, got -1");
    }

    @Test
    void replace_racedWithTheSameVersion_exactlyOneWins() throws Exception {
        store.put("doc", "start");
        List<Optional<StoredDocument>> results = race(8, i -> () -> store.replace("doc", "writer " + i, 1));
        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        StoredDocument winner = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(store.get("doc")).contains(winner);
    }

    @Test
    void replace_racingCreates_exactlyOneWins() throws Exception {
        List<Optional<StoredDocument>> results = race(8, i -> () -> store.replace("new", "writer " + i, 0));
        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void put_racing_everyPutLandsOnItsOwnVersion() throws Exception {
        List<StoredDocument> results = race(8, i -> () -> store.put("counter", "writer " + i));
        assertThat(results).extracting(StoredDocument::version).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(store.get("counter").orElseThrow().version()).isEqualTo(8);
    }

    @Test
    void list_filtersByPrefix_orderedByName() {
        store.put("blueprints/b", "2");
        store.put("blueprints/a", "1");
        store.put("brands/x", "3");
        assertThat(store.list("blueprints/")).extracting(StoredDocument::name).containsExactly("blueprints/a", "blueprints/b");
        assertThat(store.list("")).hasSize(3);
    }

    @Test
    void delete_existingDocument_returnsTrueOnce() {
        store.put("doc", "x");
        assertThat(store.delete("doc")).isTrue();
        assertThat(store.delete("doc")).isFalse();
        assertThat(store.get("doc")).isEmpty();
    }

    @Test
    void put_largeUnicodeContent_roundTripsExactly() {
        String content = "# blueprint: Grüße 東京 🙂 'quotes' \"double\" \\ ;\n".repeat(20_000);
        store.put("big", content);
        assertThat(store.get("big").orElseThrow().content()).isEqualTo(content);
    }

    @Test
    void toString_omitsTheContent() {
        assertThat(store.put("doc", "secret-looking content").toString()).doesNotContain("secret-looking");
    }

    private static <T> List<T> race(int threads, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> callable = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return callable.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
