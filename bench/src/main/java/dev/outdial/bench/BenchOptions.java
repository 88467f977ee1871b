package dev.outdial.bench;

/** The {@code --option value} pairs a benchmark's command line is made of. */
public final class BenchOptions {

    private BenchOptions() {
    }

    /**
     * The value after the option at {@code i}: an option last on the line without one is an error,
     * not a run with the option's default that looks like the run asked for.
     */
    public static String valueOf(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        return args[i + 1];
    }
}
