package dev.flowstage.core;

import dev.flowstage.api.Invitation;
import dev.flowstage.spi.InvitationStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps invitations in memory, for one process and for tests. Thread-safe; consumption is atomic. */
public final class InMemoryInvitationStore implements InvitationStore {
    private final Map<String, Invitation> byId = new ConcurrentHashMap<>();

    @Override
    public void save(Invitation invitation) {
        byId.put(invitation.id(), invitation);
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return byId.values().stream().filter(invitation -> invitation.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public boolean consume(String id) {
        return byId.remove(id) != null;
    }

    @Override
    public List<Invitation> list() {
        return byId.values().stream().sorted(Comparator.comparing(Invitation::name)).toList();
    }
}
