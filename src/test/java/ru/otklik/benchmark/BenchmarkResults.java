package ru.otklik.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a benchmark's figures as JSON to {@code target/benchmarks/<name>.json} (or the folder of
 * {@code -Dotklik.benchmark.out}), with the machine they were measured on, and prints them.
 */
public final class BenchmarkResults {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkResults() {
    }

    public static Path write(String name, Map<String, Object> figures) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", name);
        document.put("measuredAt", OffsetDateTime.now());
        document.put("machine", Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        document.putAll(figures);
        Path folder = Path.of(System.getProperty("otklik.benchmark.out", "target/benchmarks"));
        Path file = folder.resolve(name + ".json");
        try {
            Files.createDirectories(folder);
            JSON.writeValue(file.toFile(), document);
            System.out.println("Benchmark " + name + ": " + JSON.writeValueAsString(figures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }
}
