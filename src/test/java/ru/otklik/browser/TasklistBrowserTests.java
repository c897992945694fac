package ru.otklik.browser;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.otklik.message.MessageEntry;
import ru.otklik.message.MessageEvent;
import ru.otklik.message.MessageEvents;
import ru.otklik.message.MessageRegistry;
import ru.otklik.message.MessageStatus;
import ru.otklik.support.OtklikSpringTest;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.otklik.browser.Browser.START_DIALOG;
import static ru.otklik.browser.Browser.TASK;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * A message from open sources taken through the real Tasklist in a browser, in Russian, by the demo users
 * each in their own browser: registration (start form), importance and department, receipt by the
 * department, draft, return for rework, rework, approval and posting (MSG-6, MSG-8, MSG-11, MSG-13 …
 * MSG-16). The citizen's text and name carry HTML, a script, Markdown and a form template, which must run
 * nowhere and show in every form exactly as the citizen wrote them. Screenshots go to
 * {@code <build directory>/screenshots}.
 */
@Tag("browser")
@OtklikSpringTest
@DisplayName("Browser: a message through Tasklist in Russian")
class TasklistBrowserTests {

    static final String PASSWORD = "demo";
    static final String PROCESS_NAME = "Работа с сообщением из открытых источников";
    static final String HTML_MARKUP = "<img src=x onerror=alert(1)><script>window.__x=1</script>";
    /** HTML with a script, a Markdown link and image, and a form template: all to be shown as typed. */
    static final String HOSTILE = HTML_MARKUP
            + " [подробнее](javascript:alert(3)) ![фото](https://example.invalid/x.png) {{businessKey}}";
    /** The author's name as the network shows it, markup and all. */
    static final String AUTHOR = "Пётр <b>Сидоров</b><script>window.__x=2</script>";
    static final String CITIZEN_TEXT = "Когда откроют запись на регистрацию брака?";
    /** A topic copied from the post, markup and all. */
    static final String TOPIC = "Запись на брак <img src=x onerror=alert(2)>";
    static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** The head's remarks, with markup of their own: staff text is shown as typed too. */
    static final String REMARKS = "Укажите адрес и часы приёма <i>(пн–пт)</i> **обязательно**";
    static final String MY_TASKS = "Мои задачи";
    static final String GROUP_TASKS = "Задачи моих групп";

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    MessageRegistry registry;

    @Test
    @DisplayName("MSG-8 … MSG-16: registered, routed, received, drafted, returned, reworked, approved and posted in Tasklist")
    void messageThroughTasklist() {
        String url = "https://vk.com/wall-9001_" + System.nanoTime();
        ZonedDateTime detected = formTimeNow();

        // Given an ОТО specialist of ЗАГС registers a message in Tasklist with the start form
        as("zags-specialist", browser -> {
            browser.startForm(PROCESS_NAME);
            assertThat(browser.formText(START_DIALOG)).contains("Регистрация сообщения из открытых источников");
            browser.type(START_DIALOG, "Дата обнаружения", FORM_DATE.format(detected));
            browser.type(START_DIALOG, "Время обнаружения", FORM_TIME.format(detected));
            browser.select(START_DIALOG, "Социальная сеть или блог", "ВКонтакте");
            browser.type(START_DIALOG, "Ссылка на сообщение", url);
            browser.type(START_DIALOG, "Автор", AUTHOR);
            browser.type(START_DIALOG, "Текст сообщения", CITIZEN_TEXT + " " + HOSTILE);
            browser.type(START_DIALOG, "Тема", TOPIC);
            browser.type(START_DIALOG, "Место", "Кемерово");
            browser.screenshot("01-registration", null);
            browser.submitStartForm();
            assertNoScriptRan(browser);
        });

        // Then the registry holds the message as typed and the coordinator has to route it
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(VAR_URL, url).singleResult();
        assertThat(instance).as("a case for " + url).isNotNull();
        String instanceId = instance.getId();
        MessageEntry entry = registry.findByBusinessKey(instance.getBusinessKey()).orElseThrow();
        assertThat(entry.organization()).isEqualTo("zags");
        assertThat(entry.text()).isEqualTo(CITIZEN_TEXT + " " + HOSTILE);
        assertThat(entry.detectedAt()).isEqualTo(detected.toInstant());
        assertThat(entry.status()).isEqualTo(MessageStatus.ROUTING);

        // And the coordinator's dashboard lists it, the citizen's markup as text
        asStaff("zags-coordinator", "/dashboard?org=zags", "09-dashboard", browser -> {
            browser.click(By.cssSelector("details#table-open > summary"));
            By row = By.xpath("//table[contains(@class,'messages')]//tr[.//*[normalize-space()=" + Browser.literal(
                    entry.businessKey()) + "]]");
            // (the dashboard shortens long texts)
            assertThat(browser.visible(row).getText()).contains(CITIZEN_TEXT + " " + HTML_MARKUP);
            return row;
        });

        // When the coordinator sets regular importance and the legal department
        completeIn("zags-coordinator", GROUP_TASKS, task(instanceId, TASK_CLASSIFY), "02-classification", browser -> {
            assertThat(browser.formText(TASK)).contains("Определение важности и ответственного отдела",
                    entry.businessKey(), url);
            assertCitizenShownVerbatim(browser);
            browser.choose(TASK, "Обычная");
            browser.select(TASK, "Ответственный отдел", "Юридический отдел");
        });

        // And the head of the legal department receives it («Взять в работу» is the receipt) and names the executor
        completeIn("zags-head-yur", GROUP_TASKS, task(instanceId, TASK_RECEIVE), "03-receipt", browser -> {
            assertThat(browser.formText(TASK)).contains("Получение сообщения отделом");
            assertCitizenShownVerbatim(browser);
            browser.choose(TASK, "Принять и назначить исполнителя");
            browser.select(TASK, "Исполнитель", "Белова Елена (zags-executor-yur)");
        });

        // And the executor drafts the answer
        completeIn("zags-executor-yur", MY_TASKS, task(instanceId, TASK_DRAFT), "04-draft", browser -> {
            assertThat(browser.formText(TASK)).contains("Подготовка проекта ответа");
            assertCitizenShownVerbatim(browser);
            browser.choose(TASK, "Ответ по существу");
            browser.type(TASK, "Текст проекта", "Пётр, здравствуйте! Запись открыта.");
        });

        // And the department head returns it for rework with remarks
        completeIn("zags-head-yur", GROUP_TASKS, task(instanceId, TASK_APPROVE), "05-approval-return", browser -> {
            assertThat(browser.formText(TASK)).contains("Согласование проекта ответа", "Пётр, здравствуйте! Запись открыта.");
            assertCitizenShownVerbatim(browser);
            browser.choose(TASK, "Вернуть на доработку");
            browser.type(TASK, "Замечания*", REMARKS);
        });

        // And the executor reworks it
        completeIn("zags-executor-yur", MY_TASKS, task(instanceId, TASK_REWORK), "06-rework", browser -> {
            assertThat(browser.formText(TASK)).contains("Доработка проекта ответа", REMARKS);
            assertCitizenShownVerbatim(browser);
            browser.choose(TASK, "Ответ по существу");
            browser.type(TASK, "Текст проекта", "Пётр, здравствуйте! Запись открыта: Кемерово, ул. Ноградская, 5, пн–пт 9–18.");
        });

        // And the coordinator approves it
        completeIn("zags-coordinator", GROUP_TASKS, task(instanceId, TASK_APPROVE), "07-approval", browser -> {
            assertThat(browser.formText(TASK)).contains("ул. Ноградская, 5");
            assertCitizenShownVerbatim(browser);
            browser.choose(TASK, "Согласовать");
        });

        // And a specialist posts it (no VK token: posted by hand) and records link and time
        ZonedDateTime posted = formTimeNow();
        String answerUrl = url + "?reply=1";
        completeIn("zags-specialist", GROUP_TASKS, task(instanceId, TASK_POST), "08-posting", browser -> {
            assertThat(browser.formText(TASK)).contains("Размещение ответа", "ул. Ноградская, 5");
            assertCitizenShownVerbatim(browser);
            browser.type(TASK, "Ссылка на размещённый ответ", answerUrl);
            browser.type(TASK, "Дата размещения", FORM_DATE.format(posted));
            browser.type(TASK, "Время размещения", FORM_TIME.format(posted));
        });

        // Then the case ended «Ответ размещён» and the registry has every step, signed by whoever did it in Tasklist
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(END_ANSWER_POSTED).count()).isEqualTo(1);
        MessageEntry answered = registry.find(entry.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(MessageStatus.ANSWERED);
        assertThat(answered.departments()).containsExactly("yur");
        assertThat(answered.executor()).isEqualTo("zags-executor-yur");
        // (the journal is in time order, and the posting is dated by the time the specialist entered, in steps of
        // 5 minutes, so it may come before the other steps of this quick run)
        List<MessageEvent> events = registry.events(entry.id());
        assertThat(events).extracting(MessageEvent::step, MessageEvent::actor).containsSubsequence(
                tuple(MessageEvents.REGISTERED, "zags-specialist"),
                tuple(MessageEvents.ROUTED, "zags-coordinator"),
                tuple(MessageEvents.RECEIVED, "zags-head-yur"),
                tuple(MessageEvents.DRAFT_SUBMITTED, "zags-executor-yur"),
                tuple(MessageEvents.RETURNED, "zags-head-yur"),
                tuple(MessageEvents.REWORKED, "zags-executor-yur"),
                tuple(MessageEvents.APPROVED, "zags-coordinator"));
        assertThat(events).filteredOn(e -> MessageEvents.ANSWER_POSTED.equals(e.step()))
                .extracting(MessageEvent::actor, MessageEvent::occurredAt)
                .containsExactly(tuple("zags-specialist", posted.toInstant()));

        // And the monthly summary of the month of detection shows the topic as text (MSG-25)
        String month = detected.getYear() + "-" + String.format("%02d", detected.getMonthValue());
        asStaff("zags-coordinator", "/reports/monthly/zags/" + month, "10-report", browser -> {
            By topic = By.xpath("//td[normalize-space()=" + Browser.literal(TOPIC) + "]");
            browser.visible(topic);
            return topic;
        });
    }

    /** Now in the organizations' zone, as a Camunda Forms time field takes it: in steps of 5 minutes, not later. */
    static ZonedDateTime formTimeNow() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(Browser.ZONE)).truncatedTo(ChronoUnit.MINUTES);
        return now.minusMinutes(now.getMinute() % 5);
    }

    // ---- steps ----

    /** Runs {@code steps} in a fresh browser logged in to Tasklist as {@code user}. */
    private void as(String user, Consumer<Browser> steps) {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.logIn(user, PASSWORD);
            steps.accept(browser);
        }
    }

    /**
     * {@code user} opens a staff page with HTTP Basic; {@code check} finds what the page must show and returns
     * where to photograph it; no citizen's script ran.
     */
    private void asStaff(String user, String path, String screenshot, Function<Browser, By> check) {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.withBasicAuth(user, PASSWORD).get(path);
            By shown = check.apply(browser);
            browser.screenshot(screenshot, shown);
            assertNoScriptRan(browser);
        }
    }

    /**
     * {@code user} opens the task from the filter's list, sees the Russian form with the citizen's text
     * harmless, claims it, fills it, is photographed and completes it; the engine then runs what the job
     * executor would.
     */
    private void completeIn(String user, String filter, Task task, String screenshot, Consumer<Browser> fill) {
        as(user, browser -> {
            browser.openTask(filter, task.getId());
            assertNoScriptRan(browser);
            if (task.getAssignee() == null) {
                browser.claim();
            }
            fill.accept(browser);
            browser.screenshot(screenshot, By.xpath(TASK));
            browser.complete();
            browser.until("task «" + task.getName() + "» completed",
                    d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
            assertNoScriptRan(browser);
        });
        runAsyncContinuations(task.getProcessInstanceId());
    }

    /** The one open task of the case at {@code activityId}. */
    private Task task(String instanceId, String activityId) {
        Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(activityId).singleResult();
        assertThat(task).as("open task " + activityId).isNotNull();
        return task;
    }

    /** The tests run without the job executor: asynchronous continuations due now are executed here. */
    private void runAsyncContinuations(String instanceId) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(instanceId).messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /**
     * The task form shows the citizen's text, name and topic character for character: their HTML and Markdown
     * became no element (Camunda Forms' Markdown text view would drop the script and render the image; the form's
     * HTML views escape what they insert), their {@code {{…}}} was not evaluated, and every value was inserted.
     */
    static void assertCitizenShownVerbatim(Browser browser) {
        assertThat(browser.formText(TASK)).contains(CITIZEN_TEXT + " " + HOSTILE, AUTHOR, TOPIC)
                .as("a value the form could not insert").doesNotContain("⚠");
        By madeOfMarkup = By.xpath(TASK + "//form//*[contains(@class,'fjs-form-field-text')"
                + " or contains(@class,'fjs-form-field-html')]"
                + "//*[self::img or self::a or self::b or self::i or self::script]");
        assertThat(browser.driver().findElements(madeOfMarkup).stream().map(e -> e.getDomProperty("outerHTML")))
                .as("elements made from the citizen's markup").isEmpty();
    }

    /** The citizen's {@code <script>} and {@code onerror} never ran: no dialog, no global set, nothing active. */
    static void assertNoScriptRan(Browser browser) {
        assertThat(browser.dialogOpen()).as("an alert was raised").isFalse();
        assertThat(browser.script("return typeof window.__x")).as("the citizen's script ran").isEqualTo("undefined");
        assertThat(browser.activeContent("//body")).as("script elements or inline handlers on the page")
                .noneMatch(html -> html.contains("alert(") || html.contains("window.__x"));
    }
}
