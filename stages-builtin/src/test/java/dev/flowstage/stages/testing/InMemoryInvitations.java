package dev.flowstage.stages.testing;

import dev.flowstage.api.Invitation;
import dev.flowstage.spi.InvitationStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Invitations in a map; {@link #consume} removes atomically, so exactly one caller wins. */
public final class InMemoryInvitations implements InvitationStore {
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
