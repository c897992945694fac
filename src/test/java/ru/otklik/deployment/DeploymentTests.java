package ru.otklik.deployment;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.otklik.support.OtklikSpringTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What analysts edit in bpmn/ and forms/ is what the engine runs: every file is deployed, every diagram
 * opens in the Modeler, every form reference resolves and every delegate names a bean.
 */
@OtklikSpringTest
class DeploymentTests {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Autowired
    RepositoryService repository;
    @Autowired
    ApplicationContext context;

    static List<Path> files(String folder, String extension) throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of(folder))) {
            return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    Set<String> deployedResourceNames() {
        return repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
                .map(Resource::getName)
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
    }

    @Test
    @DisplayName("every file of bpmn/ and forms/ is deployed")
    void everyFileDeployed() throws IOException {
        List<Path> expected = new ArrayList<>(files("bpmn", ".bpmn"));
        expected.addAll(files("forms", ".form"));
        assertThat(files("bpmn", ".bpmn")).as("bpmn/ holds the processes").isNotEmpty();

        assertThat(deployedResourceNames())
                .containsAll(expected.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    @DisplayName("file name = process id, and every BPMN element has diagram interchange (opens in Camunda Modeler)")
    void diagramInterchange() throws IOException {
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            assertThat(processes).as(file + " holds one process").hasSize(1);
            String processId = processes.iterator().next().getId();
            assertThat(file.getFileName().toString()).isEqualTo(processId + ".bpmn");

            Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
            Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element instanceof SequenceFlow) {
                    assertThat(edges).as(file + ": edge of " + element.getId()).contains(element.getId());
                } else if (element instanceof FlowNode || element instanceof BoundaryEvent) {
                    assertThat(shapes).as(file + ": shape of " + element.getId()).contains(element.getId());
                }
            }
        }
    }

    @Test
    @DisplayName("every camunda:formRef names a deployed form")
    void formRefsResolve() throws IOException {
        Set<String> formIds = new java.util.HashSet<>();
        for (Path form : files("forms", ".form")) {
            String fileId = form.getFileName().toString().replace(".form", "");
            String declared = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form.toFile()).path("id").asText();
            assertThat(declared).as(form + ": form id = file name").isEqualTo(fileId);
            formIds.add(fileId);
        }
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
                if (formRef != null) {
                    assertThat(formIds).as(file + ": formRef of " + element.getId()).contains(formRef);
                    assertThat(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))
                            .as(file + ": formRefBinding of " + element.getId()).isEqualTo("deployment");
                }
            }
        }
    }

    @Test
    @DisplayName("every delegateExpression names an existing bean; no camunda:class, no scripts")
    void delegatesAreBeans() throws IOException {
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (ModelElementInstance element : model.getModelElementsByType(BaseElement.class)) {
                checkElement(file, element);
            }
            for (ModelElementInstance listener : model.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class)) {
                checkElement(file, listener);
            }
            for (ModelElementInstance listener : model.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)) {
                checkElement(file, listener);
            }
            assertThat(Files.readString(file)).as(file + " has no scripts").doesNotContain("<bpmn:script");
        }
    }

    private void checkElement(Path file, ModelElementInstance element) {
        assertThat(element.getAttributeValueNs(CAMUNDA_NS, "class")).as(file + ": camunda:class").isNull();
        String expression = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
        if (expression == null) {
            return;
        }
        Matcher m = BEAN_EXPRESSION.matcher(expression);
        assertThat(m.matches()).as(file + ": " + expression + " is ${beanName}").isTrue();
        assertThat(context.containsBean(m.group(1))).as(file + ": bean " + m.group(1)).isTrue();
    }
}
