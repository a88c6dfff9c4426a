/**
 * Flowstage's stores in a relational database through plain JDBC: executions, users and their
 * groups, link tokens, invitations, authenticator devices, named documents and the applied blueprint
 * configuration.
 *
 * <p>Start at {@link dev.flowstage.jdbc.JdbcStores}: {@code JdbcStores.create(dataSource)} for a
 * host's (pooled) {@link javax.sql.DataSource} on PostgreSQL or H2, or
 * {@code JdbcStores.h2File(dataDir)} for the embedded default. The same SQL runs on both; the
 * schema is created and migrated when the stores are built.
 */
package dev.flowstage.jdbc;
