package org.paperwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11: node names are unique per instance and tell apart a dead process here from a node elsewhere. */
class NodeIdTest {
    @Test
    void twoInstancesInOneProcessGetDifferentNamesWithPidHostAndStart() {
        NodeId a = NodeId.create();
        NodeId b = NodeId.create();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.value()).matches(ProcessHandle.current().pid() + "@[^/@#]+/[^/@#]+#[0-9a-f]{4}");
        assertThat(a.mayBeRunning(b.value())).as("this process runs").isTrue();
    }

    @Test
    void aProcessOnThisHostThatIsGoneIsNotRunningButOneOnAnotherHostMayBe() {
        NodeId here = NodeId.create();
        String host = here.value().substring(here.value().indexOf('@') + 1, here.value().indexOf('/'));
        long gone = Long.MAX_VALUE; // no process has this id
        assertThat(here.mayBeRunning(gone + "@" + host + "/2026-01-01T00:00:00Z#0000")).isFalse();
        assertThat(here.mayBeRunning(gone + "@2026-01-01T00:00:00Z")).as("written before issue 11").isFalse();
        assertThat(here.mayBeRunning(gone + "@" + host + "-elsewhere/2026-01-01T00:00:00Z#0000"))
                .as("another host's process: its claim's lease decides").isTrue();
        String self = here.value().substring(0, here.value().indexOf('#'));
        assertThat(here.mayBeRunning(self.replaceFirst("/.*", "/1999-01-01T00:00:00Z#beef")))
                .as("this pid, but started at another time: a recycled pid").isFalse();
        assertThat(here.mayBeRunning("stale")).isFalse();
    }
}
