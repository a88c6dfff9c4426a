package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migration scripts: the declared list matches the folder, and statements split where they should. */
class SchemaScriptsTest {

    @Test
    void scripts_declaredListMatchesTheFolder_numberedFromOneWithoutGaps() throws IOException, URISyntaxException {
        Path folder = Path.of(SchemaMigrator.class.getClassLoader().getResource(SchemaMigrator.LOCATION).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactlyInAnyOrderElementsOf(SchemaMigrator.SCRIPTS);
        }
        for (int i = 0; i < SchemaMigrator.SCRIPTS.size(); i++) {
            assertThat(SchemaMigrator.SCRIPTS.get(i)).startsWith("V" + (i + 1) + "__");
        }
    }

    @Test
    void statements_dropCommentLines_andSplitAtSemicolonsEndingALine() {
        String script = "-- comment; not a statement\nCREATE TABLE a (x INT);\n\n  -- another\nCREATE INDEX i ON a (x);  \r\n"
                + "INSERT INTO a VALUES (1)";
        assertThat(SchemaMigrator.statements(script))
                .isEqualTo(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)", "INSERT INTO a VALUES (1)"));
    }

    @Test
    void latestVersion_isTheNumberOfTheLastScript() {
        assertThat(JdbcStores.latestSchemaVersion()).isEqualTo(SchemaMigrator.SCRIPTS.size());
    }
}
