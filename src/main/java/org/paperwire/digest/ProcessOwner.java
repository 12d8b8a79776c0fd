package org.paperwire.digest;

import java.util.Optional;

/**
 * Names the process that claims outbox rows ({@code pid@start-instant}) and tells whether such a process still
 * runs. SQLite lives on one machine, so every process sharing the outbox is visible here; the start instant
 * guards against a recycled pid.
 */
final class ProcessOwner {
    private ProcessOwner() {}

    static String current() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + "@" + self.info().startInstant().map(Object::toString).orElse("?");
    }

    static boolean alive(String owner) {
        if (owner.equals(current())) {
            return true;
        }
        int at = owner.indexOf('@');
        if (at <= 0) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(0, at));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        String start = owner.substring(at + 1);
        // unknown start time: assume alive; the row's lease hands it on later if that was wrong
        return start.equals("?") || handle.get().info().startInstant().map(i -> i.toString().equals(start)).orElse(true);
    }
}
