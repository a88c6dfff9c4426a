package dev.flowstage.jdbc;

/** A unique or primary key violation (SQLState 23505), which the stores turn into the SPI's own answers. */
final class DuplicateKeyException extends JdbcStoreException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(String store, String operation) {
        super(store, operation, Sql.UNIQUE_VIOLATION, store + " " + operation + ": a unique key is taken (SQLState "
                + Sql.UNIQUE_VIOLATION + ")", null);
    }
}
