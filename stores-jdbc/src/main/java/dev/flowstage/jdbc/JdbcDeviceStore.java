package dev.flowstage.jdbc;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.spi.DeviceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps authenticator devices in table {@code flowstage_devices}. Thread-safe; {@link #replace} is
 * one {@code UPDATE ... WHERE id = ? AND version = ?}, so a static or TOTP code is consumed once
 * even when submits race on several nodes. Device data is stored as JSON and must be plain JSON
 * values (sealed or hashed secrets, never a {@link dev.flowstage.api.Secret}).
 */
public final class JdbcDeviceStore implements DeviceStore {
    private static final String COLUMNS = "id, user_id, kind, name, confirmed, created_at, last_used, version, data";
    private final Sql sql;

    JdbcDeviceStore(DataSource dataSource) {
        this.sql = new Sql(dataSource, "device store");
    }

    @Override
    public List<AuthenticatorDevice> findByUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        List<AuthenticatorDevice> devices = sql.autoCommit("findByUser", connection -> {
            List<AuthenticatorDevice> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM flowstage_devices WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(read(rows));
                    }
                }
            }
            return found;
        });
        devices.sort(Comparator.comparing(AuthenticatorDevice::createdAt).thenComparing(AuthenticatorDevice::id));
        return List.copyOf(devices);
    }

    @Override
    public Optional<AuthenticatorDevice> find(String id) {
        Objects.requireNonNull(id, "id");
        return sql.autoCommit("find", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM flowstage_devices WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<AuthenticatorDevice>empty();
                }
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the data holds something other than plain JSON values
     */
    @Override
    public void insert(AuthenticatorDevice device) {
        Objects.requireNonNull(device, "device");
        String data = Json.write(device.data(), "device data");
        try {
            sql.autoCommit("insert", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flowstage_devices (user_id, kind,"
                        + " name, confirmed, created_at, last_used, version, data, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(insert, device, data);
                    return insert.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("device '" + device.id() + "' already exists");
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the data holds something other than plain JSON values
     */
    @Override
    public boolean replace(AuthenticatorDevice device, long expectedVersion) {
        Objects.requireNonNull(device, "device");
        String data = Json.write(device.data(), "device data");
        return sql.autoCommit("replace", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE flowstage_devices SET user_id = ?, kind = ?,"
                    + " name = ?, confirmed = ?, created_at = ?, last_used = ?, version = ?, data = ?"
                    + " WHERE id = ? AND version = ?")) {
                bind(update, device, data);
                update.setLong(10, expectedVersion);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void delete(String id) {
        Objects.requireNonNull(id, "id");
        sql.autoCommit("delete", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_devices WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate();
            }
        });
    }

    /** Binds user_id .. data to parameters 1 to 8 and the id to 9. */
    private static void bind(PreparedStatement statement, AuthenticatorDevice device, String data) throws SQLException {
        statement.setString(1, device.userId());
        statement.setString(2, device.kind().deviceClass());
        statement.setString(3, device.name());
        statement.setBoolean(4, device.confirmed());
        Sql.setInstant(statement, 5, device.createdAt());
        Sql.setInstant(statement, 6, device.lastUsed());
        statement.setLong(7, device.version());
        statement.setString(8, data);
        statement.setString(9, device.id());
    }

    private static AuthenticatorDevice read(ResultSet rows) throws SQLException {
        return new AuthenticatorDevice(rows.getString("id"), rows.getString("user_id"),
                DeviceKind.fromDeviceClass(rows.getString("kind")), rows.getString("name"), rows.getBoolean("confirmed"),
                Sql.instant(rows, "created_at"), Sql.instant(rows, "last_used"), rows.getLong("version"),
                Json.read(rows.getString("data"), "device data"));
    }
}
