package kr.dolbom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and memory of processes, from /proc (Linux). */
final class ProcessStats {

    /** Clock ticks per second of utime and stime: 100 on every Linux this runs on (CONFIG_HZ is not it). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {}

    static double cpuSeconds(List<ProcessHandle> processes) {
        return processes.stream().mapToDouble(ProcessStats::cpuSeconds).sum();
    }

    static double cpuSeconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3 of the man page, utime 14 and stime 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long residentMiB(List<ProcessHandle> processes) {
        return processes.stream().mapToLong(ProcessStats::residentKiB).sum() / 1024;
    }

    /**
     * Proportional set size: resident memory with each shared page divided among the processes sharing it,
     * so that PostgreSQL's backends do not each count the whole shared buffer pool. Plain RSS where the
     * kernel has no smaps_rollup.
     */
    static long residentKiB(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        return kib(proc.resolve("smaps_rollup"), "Pss:")
                .or(() -> kib(proc.resolve("status"), "VmRSS:"))
                .orElse(0L);
    }

    private static java.util.Optional<Long> kib(Path file, String field) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
