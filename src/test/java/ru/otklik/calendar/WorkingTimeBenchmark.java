package ru.otklik.calendar;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Cost of {@code after} for short and long durations: it must not grow with the duration. Starts are
 * spread over 2026–2027 (nights, weekends, holidays included) so that no single path is measured.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=ru.otklik.calendar.WorkingTimeBenchmark}; results go to {@code target/jmh-working-time.json}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class WorkingTimeBenchmark {

    private static final Duration MINUTES_25 = Duration.ofMinutes(25);
    private static final Duration HOURS_8 = Duration.ofHours(8);
    /** Seven standard working days of working time. */
    private static final Duration HOURS_56 = Duration.ofHours(56);

    private WorkingTimeCalculator calculator;
    private WorkingTime workingTime;
    private Instant[] starts;
    private Date[] dates;
    private int next;

    @Setup
    public void setUp() {
        ProductionCalendar calendar = ProductionCalendar.builtIn();
        calculator = new WorkingTimeCalculator(WorkSchedule.standard(), calendar);
        workingTime = new WorkingTime(WorkingTimeFixtures.schedules(), calendar);
        Random random = new Random(20261230L);
        long from = WorkingTimeFixtures.local("2026-01-01T00:00").getEpochSecond();
        long to = WorkingTimeFixtures.local("2027-12-01T00:00").getEpochSecond();
        starts = new Instant[4096];
        dates = new Date[starts.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            dates[i] = Date.from(starts[i]);
        }
    }

    private int index() {
        next = (next + 1) & (starts.length - 1);
        return next;
    }

    @Benchmark
    public Instant after25Minutes() {
        return calculator.after(starts[index()], MINUTES_25);
    }

    @Benchmark
    public Instant after8Hours() {
        return calculator.after(starts[index()], HOURS_8);
    }

    @Benchmark
    public Instant after7WorkingDays() {
        return calculator.after(starts[index()], HOURS_56);
    }

    @Benchmark
    public Instant workingDaysAfter7() {
        return calculator.workingDaysAfter(starts[index()], 7);
    }

    /** The expression path, with the organization lookup and the ISO duration parsed on every call. */
    @Benchmark
    public Date expressionAfter25Minutes() {
        return workingTime.after("zags", dates[index()], "PT25M");
    }

    public static void main(String[] args) throws RunnerException {
        exposeClasspathToForks();
        Path result = Path.of("target", "jmh-working-time.json");
        try {
            Files.createDirectories(result.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Options options = new OptionsBuilder()
                .include(WorkingTimeBenchmark.class.getName() + "\\.")
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString())
                .build();
        new Runner(options).run();
    }

    /**
     * JMH forks JVMs with {@code java.class.path}; under {@code exec:java} the test classpath lives only in the
     * plugin's class loader, so copy it into the property or the forks would not find the benchmark.
     */
    private static void exposeClasspathToForks() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: cannot be on a forked classpath anyway
                    }
                }
            }
        }
        if (!entries.isEmpty()) {
            for (String existing : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!existing.isBlank()) {
                    entries.add(existing);
                }
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
