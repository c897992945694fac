package ru.otklik.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * At the end of a test run, merges the per-class process test coverage reports into one figure per process
 * (flow nodes and sequence flows reached by any test), prints it in the build log and writes
 * {@code target/process-test-coverage/summary.json}.
 */
public class ProcessCoverageSummary implements TestExecutionListener {

    static final Path REPORTS = Path.of("target", "process-test-coverage");

    /** The first test JVM of a build starts from no reports, so a figure never counts a stale run. */
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Boolean.getBoolean("otklik.coverage.reset") && Files.isDirectory(REPORTS)) {
            try (Stream<Path> paths = Files.walk(REPORTS)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!Files.isDirectory(REPORTS)) {
            return;
        }
        Map<String, String> models = new TreeMap<>();
        Map<String, Set<String>> reached = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Path report : reports()) {
            JsonNode root;
            try {
                root = json.readTree(report.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            root.path("models").forEach(m -> models.putIfAbsent(m.path("key").asText(), m.path("xml").asText()));
            root.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(event ->
                    reached.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                            .add(event.path("definitionKey").asText()))));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        // Only the project's processes, not models that tests deploy for themselves.
        models.keySet().removeIf(key -> !Files.exists(Path.of("bpmn", key + ".bpmn")));
        models.forEach((key, xml) -> {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                    .collect(Collectors.toSet());
            Set<String> flows = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
                    .collect(Collectors.toSet());
            Set<String> hit = reached.getOrDefault(key, Set.of());
            Set<String> missed = new java.util.TreeSet<>(nodes);
            missed.removeAll(hit);
            long nodesHit = nodes.stream().filter(hit::contains).count();
            long flowsHit = flows.stream().filter(hit::contains).count();
            System.out.printf("Process coverage %s: flow nodes %d/%d (%.1f %%), sequence flows %d/%d (%.1f %%)%s%n",
                    key, nodesHit, nodes.size(), percent(nodesHit, nodes.size()), flowsHit, flows.size(),
                    percent(flowsHit, flows.size()), missed.isEmpty() ? "" : "; not reached: " + missed);
            summary.put(key, Map.of("flowNodes", nodes.size(), "flowNodesReached", nodesHit,
                    "sequenceFlows", flows.size(), "sequenceFlowsReached", flowsHit, "notReached", List.copyOf(missed)));
        });
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(REPORTS.resolve("summary.json").toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }

    private static List<Path> reports() {
        try (Stream<Path> paths = Files.walk(REPORTS)) {
            return paths.filter(p -> p.getFileName().toString().equals("report.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
