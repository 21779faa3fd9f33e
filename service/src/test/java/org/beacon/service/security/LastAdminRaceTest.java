package org.beacon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.beacon.service.Http;
import org.beacon.service.ServiceTest;
import org.beacon.service.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Two admins removing each other at the same moment: one wins, the other is refused, and an admin always remains.
 * An application of its own (the property below), because the test admin may be the one removed.
 */
@ServiceTest
@TestPropertySource(properties = "beacon.security.credential-cache=59s")
class LastAdminRaceTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        Http.Credentials survivor = users.admin();
        for (int round = 1; round <= 10; round++) {
            Http.Response created = new Http(port, survivor).postJson("/users", "{\"username\":\"admin-" + round
                    + "\",\"roles\":[\"admin\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Http.Credentials other = new Http.Credentials("admin-" + round, created.json().at("/password").asString());
            Http.Credentials first = survivor;
            CyclicBarrier together = new CyclicBarrier(2);
            var a = CompletableFuture.supplyAsync(() -> removeAfter(together, first, other.username()));
            var b = CompletableFuture.supplyAsync(() -> removeAfter(together, other, first.username()));
            List<Integer> statuses = List.of(a.get(), b.get());
            // the loser is refused by the guard (409), or, when the winner's removal committed first, is no longer
            // a user at all (401)
            assertThat(statuses).as("round %d", round).containsOnlyOnce(204);
            assertThat(statuses.stream().filter(s -> s != 204).findFirst().orElseThrow()).isIn(409, 401);
            survivor = a.get() == 204 ? first : other;
            var admins = new Http(port, survivor).get("/users").json().valueStream()
                    .filter(u -> u.at("/roles").valueStream().anyMatch(r -> r.asString().equals("admin"))).toList();
            assertThat(admins).as("round %d", round).hasSize(1);
        }
    }

    private int removeAfter(CyclicBarrier together, Http.Credentials by, String username) {
        Http http = new Http(port, by);
        http.get("/users/me"); // signed in before the race, so that both requests start at once
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return http.delete("/users/" + username).status();
    }
}
