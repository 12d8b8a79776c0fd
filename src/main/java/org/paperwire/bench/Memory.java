package org.paperwire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The memory figure the benchmarks report. */
public final class Memory {
    private Memory() {}

    /** The process's resident set high-water mark (VmHWM) from Linux, else the JVM heap pools' peaks, in MB. */
    public static long peakRssMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            Optional<String> hwm = lines.filter(l -> l.startsWith("VmHWM:")).findFirst();
            if (hwm.isPresent()) {
                return Long.parseLong(hwm.get().replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall back to the heap
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
