package dev.outdial.bench.sip;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The media engine's own CPU: its receiving and pacing threads, so a driver's work in the same JVM is not counted. */
final class MediaThreads {

    private MediaThreads() {
    }

    static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("rtp-receive") || thread.getName().equals("rtp-pacer")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
            }
        }
        return total;
    }
}
